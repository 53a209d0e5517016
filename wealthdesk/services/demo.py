"""Realistic, repeatable demo data for trying the app and for benchmarks."""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections.abc import Callable, Iterator

from ..db.connection import database
from ..db.models import Client, ClientSearchKey
from ..domain.audit import AuditAction
from ..domain.client import (
    ClientDraft,
    Horizon,
    IncomeBand,
    LiquidityNeed,
    MaritalStatus,
    ProductFamily,
    Tier,
    client_problems,
    normalize_draft,
)
from ..domain.identity import resident_id_check_char
from . import audit, clock
from .clients import existing_id_numbers, insert_clean_drafts

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤单解查区仇朴"
)
COMPOUND = ("欧阳", "司马", "上官", "诸葛", "尉迟", "慕容")
# Given-name characters people read as a man's or a woman's, so that the ID number's
# sex digit and the name agree, as they do in a real client book.
GIVEN_MALE = "伟强磊军洋勇杰涛明超刚平华建国志东海浩然轩宇航文博俊晨阳德永家豪鹏斌辉峰波"
GIVEN_FEMALE = "芳娜秀英敏静丽艳娟霞桂兰玉燕红涵欣怡雨桐诺嘉佳琪婷雅琴淑珍春梅秋菊慧颖洁"
AREAS = (
    "110105",
    "110108",
    "310104",
    "310115",
    "330106",
    "330102",
    "440305",
    "440106",
    "320102",
    "510107",
    "420106",
    "360426",
    "370202",
    "210102",
    "610113",
    "350203",
)
MOBILE_PREFIXES = (
    "138",
    "139",
    "135",
    "136",
    "137",
    "150",
    "151",
    "152",
    "158",
    "159",
    "186",
    "187",
    "188",
    "189",
    "133",
    "153",
    "177",
    "180",
    "181",
    "199",
    "166",
    "191",
)
OCCUPATIONS = (
    "教师",
    "医生",
    "工程师",
    "公务员",
    "企业主",
    "个体经营",
    "会计",
    "律师",
    "销售经理",
    "程序员",
    "护士",
    "自由职业",
    "外企职员",
    "大学教授",
    "公司高管",
)
RETIRED = "退休"
TRAINING = (
    "",
    "",
    "基金定投入门",
    "养老规划讲座",
    "理财产品风险识别",
    "保险配置基础",
    "黄金投资知识",
)
NEEDS = (
    "",
    "",
    "子女教育金规划",
    "关注养老和医疗保障",
    "希望资金流动性高",
    "偏好线下面谈，不接受电话营销",
    "计划三年内购房",
    "企业经营周转需要",
)


def demo_drafts(count: int, seed: int, manager: str = "") -> list[ClientDraft]:
    """*count* clients with Chinese names and valid, unique ID and mobile numbers."""
    return list(itertools.islice(_demo_stream(seed, manager), count))


def _demo_stream(seed: int, manager: str) -> Iterator[ClientDraft]:
    """Demo clients without end, each ID and mobile number different from all before."""
    rng = random.Random(seed)
    today = clock.today()
    ids: set[str] = set()
    mobiles: set[str] = set()
    while True:
        surname = rng.choice(COMPOUND) if rng.random() < 0.02 else rng.choice(SURNAMES)
        female = rng.random() < 0.5
        pool = GIVEN_FEMALE if female else GIVEN_MALE
        given = "".join(rng.choice(pool) for _ in range(rng.choice((1, 2, 2))))
        birth = dt.date(1940, 1, 1) + dt.timedelta(days=rng.randrange(0, 64 * 365))
        if birth > today - dt.timedelta(days=18 * 366):
            continue
        age = today.year - birth.year
        # The ID's 17th digit is odd for a man, even for a woman.
        sequence = 2 * rng.randrange(1, 500) if female else 2 * rng.randrange(0, 500) + 1
        first17 = f"{rng.choice(AREAS)}{birth:%Y%m%d}{sequence:03d}"
        number = first17 + resident_id_check_char(first17)
        mobile = rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(0, 10**8):08d}"
        if number in ids or mobile in mobiles:
            continue
        ids.add(number)
        mobiles.add(mobile)
        roll = rng.random()
        tier = (
            Tier.PRIVATE
            if roll < 0.04
            else Tier.PLATINUM
            if roll < 0.15
            else Tier.GOLD
            if roll < 0.40
            else Tier.NORMAL
        )
        consent = rng.random() < 0.85
        consent_on = today - dt.timedelta(days=rng.randrange(1, 1500))
        yield (
            ClientDraft(
                name=surname + given,
                id_number=number,
                mobile=mobile,
                tier=tier,
                occupation=RETIRED if age >= 62 and rng.random() < 0.7 else rng.choice(OCCUPATIONS),
                marital_status=MaritalStatus.SINGLE
                if age < 26 and rng.random() < 0.8
                else rng.choice(list(MaritalStatus)),
                dependants=rng.randrange(0, 2) if age < 26 else rng.randrange(0, 5),
                income_band=rng.choice(list(IncomeBand)),
                horizon=rng.choice(list(Horizon)),
                liquidity_need=rng.choice(list(LiquidityNeed)),
                interests=tuple(rng.sample(list(ProductFamily), rng.randrange(0, 3))),
                training_needs=rng.choice(TRAINING),
                personal_needs=rng.choice(NEEDS),
                consent_data=consent,
                consent_data_on=consent_on if consent else None,
                consent_marketing=consent and rng.random() < 0.6,
                consent_marketing_on=consent_on if consent else None,
                manager=manager,
            )
        )


def create_demo_clients(
    count: int,
    seed: int,
    actor: str,
    manager: str = "",
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Add *count* demo clients, marked as demo; returns how many were added.

    The same *seed* makes the same clients, and one whose ID number is already in the
    book (from an earlier run with that seed) is skipped, so *count* minus the result
    were there already. One stream serves every chunk, so the clients of one run never
    share an ID number and an empty book gets exactly *count*.
    """
    today = clock.today()
    created = 0
    step = 5000
    stream = _demo_stream(seed, manager)
    for start in range(0, count, step):
        chunk = itertools.islice(stream, min(step, count - start))
        drafts = [normalize_draft(d, today) for d in chunk]
        for d in drafts:
            assert not client_problems(d, today), d  # the generator makes only valid clients
        with database.atomic():
            taken = existing_id_numbers(d.id_number for d in drafts)
            fresh = [d for d in drafts if d.id_number not in taken]
            insert_clean_drafts(fresh, is_demo=True)
            created += len(fresh)
        if progress:
            progress(min(start + step, count), count)
    with database.atomic():
        audit.record(AuditAction.DEMO_CREATED, actor, None, f"{created} clients, seed {seed}")
    return created


def _demo_clients():
    return Client.select(Client.id).where(Client.is_demo == True)  # noqa: E712


def count_demo_clients() -> int:
    """How many demo clients the book holds."""
    return _demo_clients().count()


def remove_demo_clients(actor: str) -> int:
    """Remove every demo client and its search keys, all or nothing, and audit how many
    went; real clients (created, imported) stay. Returns the number removed."""
    with database.atomic():
        count = _demo_clients().count()
        if not count:
            return 0
        ClientSearchKey.delete().where(ClientSearchKey.client.in_(_demo_clients())).execute()
        Client.delete().where(Client.is_demo == True).execute()  # noqa: E712
        audit.record(AuditAction.DEMO_REMOVED, actor, None, f"{count} clients")
    return count
