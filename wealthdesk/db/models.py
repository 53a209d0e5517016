"""The tables as peewee models (the current schema; history lives in migrations)."""

from __future__ import annotations

import peewee as pw

from .connection import database


class BaseModel(pw.Model):
    class Meta:
        database = database
        legacy_table_names = False


class SchemaVersion(BaseModel):
    version = pw.IntegerField(primary_key=True)
    applied_at = pw.DateTimeField()
    description = pw.TextField()


class Client(BaseModel):
    """A client of the branch; times are stored in UTC."""

    name = pw.CharField(max_length=40)
    pinyin_full = pw.CharField(max_length=160, default="")
    pinyin_initials = pw.CharField(max_length=40, default="")
    gender = pw.CharField(max_length=1, null=True)
    birth_date = pw.DateField(null=True)
    id_number = pw.CharField(max_length=18, null=True, unique=True)
    mobile = pw.CharField(max_length=20, null=True)
    tier = pw.CharField(max_length=16, default="normal")
    occupation = pw.TextField(default="")
    marital_status = pw.CharField(max_length=16, null=True)
    dependants = pw.IntegerField(null=True)
    income_band = pw.CharField(max_length=16, null=True)
    horizon = pw.CharField(max_length=16, null=True)
    liquidity_need = pw.CharField(max_length=16, null=True)
    interests = pw.TextField(default="")
    training_needs = pw.TextField(default="")
    personal_needs = pw.TextField(default="")
    consent_data = pw.BooleanField(default=False)
    consent_data_on = pw.DateField(null=True)
    consent_marketing = pw.BooleanField(default=False)
    consent_marketing_on = pw.DateField(null=True)
    manager = pw.TextField(default="")
    created_at = pw.DateTimeField()
    updated_at = pw.DateTimeField()
    row_version = pw.IntegerField(default=1)
    is_demo = pw.BooleanField(default=False)  # made by the demo; removed with it
    erased_at = pw.DateTimeField(null=True)  # personal data erased on request (PIPL)
    # IdDocType value; no default here, so a row written by an older schema's test set-up
    # leaves it to the column's own default (resident_id).
    id_doc_type = pw.CharField(max_length=16, null=True)
    id_doc_expiry = pw.DateField(null=True)
    # A residence permit's, permanent residence ID's or passport's number (the resident
    # ID's is id_number): personal data, stored whole, shown masked, revealed audited.
    id_doc_number = pw.CharField(max_length=32, null=True)
    financial_assets_fen = pw.BigIntegerField(null=True)  # as the client declared them

    @classmethod
    def in_book(cls) -> pw.Expression:
        """Clients still in the book: not erased at their request."""
        return cls.erased_at.is_null()


class ClientSearchKey(BaseModel):
    """Index keys for search (see ``domain/search.py``); rebuilt on every save."""

    key = pw.TextField()
    client = pw.ForeignKeyField(Client, on_delete="CASCADE", backref="search_keys")

    class Meta:
        primary_key = pw.CompositeKey("key", "client")


class AuditEntry(BaseModel):
    """Append-only: the database itself refuses updates and deletes."""

    at = pw.DateTimeField()
    actor = pw.TextField()
    action = pw.CharField(max_length=40)
    client_id = pw.IntegerField(null=True)
    detail = pw.TextField(default="")
    # Filled by the database (PostgreSQL) or the append statement (SQLite): no default here.
    prev_hash = pw.TextField()  # the hash of the entry before (db/audit_chain)
    hash = pw.TextField()


class Setting(BaseModel):
    key = pw.CharField(max_length=80, primary_key=True)
    value = pw.TextField()


class Visit(BaseModel):
    """One visitor's trip through the queue on one day; times are stored in UTC."""

    service_date = pw.DateField()
    kind = pw.CharField(max_length=1)
    seq = pw.IntegerField()
    ticket = pw.CharField(max_length=8)
    client = pw.ForeignKeyField(Client, null=True, on_delete="SET NULL", backref="visits")
    walk_in_name = pw.CharField(max_length=40, default="")
    walk_in_phone = pw.CharField(max_length=20, default="")
    purposes = pw.TextField(default="")  # Purpose codes, comma-separated
    priority = pw.IntegerField(default=0)
    notes = pw.TextField(default="")
    desk = pw.TextField(default="")
    state = pw.CharField(max_length=16, default="waiting")
    outcome = pw.TextField(default="")
    arrived_at = pw.DateTimeField()
    called_at = pw.DateTimeField(null=True)
    started_at = pw.DateTimeField(null=True)
    finished_at = pw.DateTimeField(null=True)
    recall_count = pw.IntegerField(default=0)
    row_version = pw.IntegerField(default=1)
    checklist = pw.TextField(default="")  # FinishCheck codes ticked, comma-separated


class TicketCounter(BaseModel):
    """The last ticket number given out per day and kind."""

    service_date = pw.DateField()
    kind = pw.CharField(max_length=1)
    last = pw.IntegerField()

    class Meta:
        primary_key = pw.CompositeKey("service_date", "kind")


class DeskStatus(BaseModel):
    """What a desk is doing now, for the desk itself, the lobby and the display."""

    desk = pw.CharField(max_length=40, primary_key=True)
    state = pw.CharField(max_length=16)
    until_time = pw.CharField(max_length=5, default="")  # HH:MM local, when back
    reason = pw.TextField(default="")
    manager = pw.CharField(max_length=40, default="")
    changed_at = pw.DateTimeField()


class DeskLock(BaseModel):
    """Whether a desk is locked, its wrong PINs in a row, and whether it has had a PIN:
    with the desk in the database, so that editing a file on the PC opens nothing."""

    desk = pw.CharField(max_length=40, primary_key=True)
    locked = pw.BooleanField(default=False)
    pin_failures = pw.IntegerField(default=0)
    pin_set = pw.BooleanField(default=False)
    changed_at = pw.DateTimeField()


class DeskPresence(BaseModel):
    """The program running a desk today: its computer and process, a token only it
    knows, when the desk started today and when it was last seen (its heartbeat)."""

    desk = pw.CharField(max_length=40, primary_key=True)
    host = pw.CharField(max_length=80, default="")
    pid = pw.IntegerField(default=0)
    token = pw.CharField(max_length=40, default="")  # "" once the program stopped
    day = pw.DateField()
    started_at = pw.DateTimeField()
    seen_at = pw.DateTimeField()

    class Meta:
        table_name = "desk_presence"


class ServicePart(BaseModel):
    """The part of a visitor's service one desk gave, written when the visitor was
    passed on after their service started (and the parts after it)."""

    visit = pw.ForeignKeyField(Visit, on_delete="CASCADE", backref="service_parts")
    desk = pw.TextField()
    started_at = pw.DateTimeField()
    ended_at = pw.DateTimeField(null=True)

    class Meta:
        table_name = "service_part"


class Appointment(BaseModel):
    """A booked meeting with a client of the book or a new prospect; times in UTC."""

    client = pw.ForeignKeyField(Client, null=True, on_delete="SET NULL", backref="appointments")
    prospect_name = pw.CharField(max_length=40, default="")  # when there is no client yet
    prospect_mobile = pw.CharField(max_length=20, default="")
    manager = pw.CharField(max_length=40, default="")
    desk = pw.TextField(default="")
    start_at = pw.DateTimeField()
    duration_minutes = pw.IntegerField()
    purposes = pw.TextField(default="")  # Purpose codes, comma-separated
    products = pw.TextField(default="")  # one per line
    topics = pw.TextField(default="")  # one per line
    team = pw.TextField(default="")  # one name per line
    notes = pw.TextField(default="")
    lunch_reason = pw.TextField(default="")
    status = pw.CharField(max_length=16, default="booked")
    cancelled_by = pw.CharField(max_length=8, null=True)
    cancelled_at = pw.DateTimeField(null=True)
    rescheduled_to = pw.ForeignKeyField("self", null=True, on_delete="SET NULL")
    visit = pw.ForeignKeyField(Visit, null=True, on_delete="SET NULL")
    checked_in_at = pw.DateTimeField(null=True)
    reminded_at = pw.DateTimeField(null=True)
    created_at = pw.DateTimeField()
    updated_at = pw.DateTimeField()
    row_version = pw.IntegerField(default=1)


class AppointmentItem(BaseModel):
    """One line of an appointment's preparation checklist."""

    appointment = pw.ForeignKeyField(Appointment, on_delete="CASCADE", backref="items")
    position = pw.IntegerField()
    label = pw.TextField()
    done = pw.BooleanField(default=False)
    done_at = pw.DateTimeField(null=True)


class PrepTemplate(BaseModel):
    """The branch's own checklist items for a purpose; without any, the domain's defaults."""

    purpose = pw.CharField(max_length=24)
    position = pw.IntegerField()
    label = pw.TextField()


class Product(BaseModel):
    """The catalogue: a product the branch sells, by family; rated R1–R5 where it applies."""

    code = pw.CharField(max_length=32, unique=True)
    name = pw.CharField(max_length=80)
    family = pw.CharField(max_length=16)  # ProductFamily value
    risk_rating = pw.IntegerField(null=True)  # 1–5 for R1–R5; None: not rated (a card)
    private = pw.BooleanField(default=False)  # 私募: a cooling-off period after signing
    min_amount_fen = pw.BigIntegerField(default=0)
    term_days = pw.IntegerField(null=True)
    active = pw.BooleanField(default=True)
    notes = pw.TextField(default="")
    is_demo = pw.BooleanField(default=False)
    created_at = pw.DateTimeField()
    updated_at = pw.DateTimeField()
    row_version = pw.IntegerField(default=1)
    kind = pw.CharField(max_length=24, default="")  # ProductKind value; "" unstated
    asset_class = pw.CharField(max_length=16, default="")  # AssetClass of a private product
    cooling_off_hours = pw.IntegerField(default=24)


class Holding(BaseModel):
    """What a client holds: a product, an amount, from a date, maturing (or not)."""

    client = pw.ForeignKeyField(Client, on_delete="CASCADE", backref="holdings")
    product = pw.ForeignKeyField(Product, on_delete="RESTRICT", backref="holdings")
    amount_fen = pw.BigIntegerField()
    start_date = pw.DateField()
    maturity_date = pw.DateField(null=True)
    closed_on = pw.DateField(null=True)  # redeemed or matured and paid out
    created_at = pw.DateTimeField()


class RiskAssessment(BaseModel):
    """One risk questionnaire, kept for good: the answers, the score and level (1–5 for
    C1–C5), who, and until when it is valid."""

    client = pw.ForeignKeyField(Client, on_delete="CASCADE", backref="risk_assessments")
    assessed_on = pw.DateField()
    valid_until = pw.DateField()
    questionnaire = pw.CharField(max_length=40, default="")  # which data file's version
    answers = pw.TextField(default="")  # JSON: question id → option id
    score = pw.IntegerField()
    level = pw.IntegerField()
    actor = pw.TextField(default="")
    created_at = pw.DateTimeField()
    signed_received_at = pw.DateTimeField(null=True)  # the client's signed form received
    signed_received_by = pw.TextField(default="")
    renewal_reason = pw.TextField(default="")  # what in the record changed since
    renewal_since = pw.DateField(null=True)


class Sale(BaseModel):
    """A product sold, with what the suitability gate saw (the client's level, the
    product's rating, the 65+ confirmation) and, for private products, the cooling-off."""

    client = pw.ForeignKeyField(Client, on_delete="CASCADE", backref="sales")
    product = pw.ForeignKeyField(Product, on_delete="RESTRICT", backref="sales")
    amount_fen = pw.BigIntegerField()
    sale_type = pw.CharField(max_length=16)  # SaleType value
    visit = pw.ForeignKeyField(Visit, null=True, on_delete="SET NULL")
    recording_ref = pw.CharField(max_length=64, default="")  # 双录 reference
    signed_at = pw.DateTimeField()
    cooling_off_until = pw.DateTimeField(null=True)
    cancelled_at = pw.DateTimeField(null=True)
    cancel_reason = pw.TextField(default="")
    client_level = pw.IntegerField(null=True)
    product_rating = pw.IntegerField(null=True)
    elderly_confirmed = pw.BooleanField(default=False)
    actor = pw.TextField(default="")
    desk = pw.TextField(default="")
    created_at = pw.DateTimeField()
    row_version = pw.IntegerField(default=1)
    guardian = pw.TextField(default="")  # a minor's guardian, present for the sale
    own_income_proof = pw.TextField(default="")  # a 16-17-year-old's own labour income
    recorded_at = pw.DateTimeField(null=True)  # when the 双录 recording was made
    recording_retain_until = pw.DateField(null=True)
    recording_checked = pw.BooleanField(default=False)  # the recording's quality check
    large_confirmed = pw.BooleanField(default=False)


class QualifiedInvestor(BaseModel):
    """A client's qualified-investor (合格投资者) record, with its proof; the latest one
    whose valid_until is not past lets a private product be sold."""

    client = pw.ForeignKeyField(Client, on_delete="CASCADE", backref="qualifications")
    experience_years = pw.IntegerField(default=0)
    net_financial_assets_fen = pw.BigIntegerField(default=0)  # the household's
    financial_assets_fen = pw.BigIntegerField(default=0)  # the household's
    average_income_fen = pw.BigIntegerField(default=0)  # personal, a year over 3 years
    proof_kind = pw.CharField(max_length=24)
    proof_date = pw.DateField()
    valid_until = pw.DateField()
    actor = pw.TextField(default="")
    created_at = pw.DateTimeField()


class FinancialPlan(BaseModel):
    """One saved version of a client's financial plan; *content* is what it showed."""

    client = pw.ForeignKeyField(Client, on_delete="CASCADE", backref="plans")
    made_at = pw.DateTimeField()
    manager = pw.TextField(default="")
    actor = pw.TextField(default="")
    desk = pw.TextField(default="")
    level = pw.IntegerField()
    assessed_on = pw.DateField()
    total_fen = pw.BigIntegerField(default=0)
    content = pw.TextField(default="")


class CareEvent(BaseModel):
    """An event the manager invites clients to (a 理财沙龙), from a tier up."""

    name = pw.CharField(max_length=80)
    event_date = pw.DateField()
    min_tier = pw.CharField(max_length=16, default="normal")
    place = pw.TextField(default="")
    notes = pw.TextField(default="")
    created_at = pw.DateTimeField()


class CareTask(BaseModel):
    """Something to do for a client on a day: a call for a birthday, a maturity, an
    expiring assessment, a follow-up, a long silence, an invitation. *source* makes each
    task once (``birthday:17:2026``)."""

    client = pw.ForeignKeyField(Client, null=True, on_delete="CASCADE", backref="care_tasks")
    kind = pw.CharField(max_length=16)
    due_date = pw.DateField()
    source = pw.CharField(max_length=80, default="")
    title = pw.TextField(default="")
    event = pw.ForeignKeyField(CareEvent, null=True, on_delete="CASCADE", backref="tasks")
    status = pw.CharField(max_length=16, default="open")
    done_at = pw.DateTimeField(null=True)
    created_at = pw.DateTimeField()


class CareCall(BaseModel):
    """A call to a client: the outcome, notes, how long, information sent, a call-back."""

    task = pw.ForeignKeyField(CareTask, null=True, on_delete="SET NULL", backref="calls")
    client = pw.ForeignKeyField(Client, null=True, on_delete="CASCADE", backref="care_calls")
    called_at = pw.DateTimeField()
    outcome = pw.CharField(max_length=16)
    notes = pw.TextField(default="")
    duration_minutes = pw.IntegerField(default=0)
    info_sent = pw.BooleanField(default=False)
    call_back_at = pw.DateTimeField(null=True)
    actor = pw.TextField(default="")
    desk = pw.TextField(default="")


class ColleagueSupport(BaseModel):
    """Time given to a colleague's sale: asset allocation, risk-return, family planning."""

    supported_at = pw.DateTimeField()
    colleague = pw.CharField(max_length=40)
    kind = pw.CharField(max_length=24)
    duration_minutes = pw.IntegerField()
    sale_followed = pw.BooleanField(default=False)
    notes = pw.TextField(default="")
    actor = pw.TextField(default="")
    desk = pw.TextField(default="")


class ClientConsent(BaseModel):
    """A client's consent, given at the desk or while waiting (to record their risk
    tolerance, preferences, needs, family situation), with when and who took it."""

    client = pw.ForeignKeyField(Client, on_delete="CASCADE", backref="consents")
    visit = pw.ForeignKeyField(Visit, null=True, on_delete="SET NULL")
    purpose = pw.CharField(max_length=24)
    given_at = pw.DateTimeField()
    actor = pw.TextField(default="")


ALL_MODELS = (
    SchemaVersion,
    Client,
    ClientSearchKey,
    AuditEntry,
    Setting,
    Visit,
    TicketCounter,
    DeskStatus,
    Appointment,
    AppointmentItem,
    PrepTemplate,
    Product,
    Holding,
    RiskAssessment,
    Sale,
    QualifiedInvestor,
    CareEvent,
    CareTask,
    CareCall,
    ColleagueSupport,
    ClientConsent,
    FinancialPlan,
)


class HolidayScheduleDay(BaseModel):
    """A day of a State Council schedule the branch loaded: a holiday or a make-up
    working day (``domain/holidays.py``); times in UTC."""

    schedule_year = pw.IntegerField()
    day = pw.DateField()
    kind = pw.CharField(max_length=8)
    name = pw.CharField(max_length=40, default="")
    loaded_at = pw.DateTimeField()
    loaded_by = pw.TextField(default="")

    class Meta:
        primary_key = pw.CompositeKey("schedule_year", "day")


class Complaint(BaseModel):
    """A complaint in the register: who made it (a client, or a visitor's name and
    phone), how and about what, who handles it by when, and how it ended; times in UTC.
    The contact's phone is stored whole, shown masked."""

    received_on = pw.DateField()
    received_at = pw.DateTimeField()
    client = pw.ForeignKeyField(Client, null=True, on_delete="SET NULL", backref="complaints")
    contact_name = pw.CharField(max_length=40, default="")
    contact_phone = pw.CharField(max_length=20, default="")
    visit = pw.ForeignKeyField(Visit, null=True, on_delete="SET NULL")
    channel = pw.CharField(max_length=16)
    category = pw.CharField(max_length=16)
    what = pw.TextField()
    handler = pw.CharField(max_length=40)
    deadline = pw.DateField()
    status = pw.CharField(max_length=16, default="open")
    resolution = pw.TextField(default="")
    resolved_at = pw.DateTimeField(null=True)
    accepted = pw.BooleanField(null=True)
    desk = pw.TextField(default="")
    row_version = pw.IntegerField(default=1)


class CareMessage(BaseModel):
    """A care message sent to a client (a birthday greeting, a maturity notice…): the
    contact as logged, with its channel. One for the bank's SMS platform waits for the
    next export file (*exported_at* empty). The mobile is kept masked: the export reads
    the full number from the client's record at that moment."""

    task = pw.ForeignKeyField(CareTask, null=True, on_delete="SET NULL", backref="messages")
    client = pw.ForeignKeyField(Client, on_delete="CASCADE", backref="care_messages")
    kind = pw.CharField(max_length=16)
    channel = pw.CharField(max_length=16)
    text = pw.TextField()
    masked_mobile = pw.CharField(max_length=20, default="")
    created_at = pw.DateTimeField()
    exported_at = pw.DateTimeField(null=True)
    export_file = pw.TextField(default="")
    actor = pw.TextField(default="")
    desk = pw.TextField(default="")


ALL_MODELS = (*ALL_MODELS, Complaint, CareMessage)
ALL_MODELS = (*ALL_MODELS, DeskLock)
