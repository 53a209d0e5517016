"""What the audit log records: who did what to which client's data, and when."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .client import Labeled
from .errors import QT_TRANSLATE_NOOP

# "王经理 (desk 1)", or without a manager's name "desk 1 (login wang)"; records made
# before the second form name the computer's login in the first ("wang (desk 1)").
# The command line records "cli:" and the login.
_MANAGER_AT_DESK = re.compile(r"^(?P<name>.+) \(desk (?P<desk>[^()]+)\)$")
_LOGIN_AT_DESK = re.compile(r"^desk (?P<desk>[^()]+) \(login (?P<login>.*)\)$")


def desk_actor(manager: str, desk: str, login: str) -> str:
    """Who the audit log names for a desk's action: its manager, or, while the desk has
    no manager's name, the computer's login, marked so that it is never shown as one."""
    if manager:
        return f"{manager} (desk {desk})"
    return f"desk {desk} (login {login})"


@dataclass(frozen=True)
class Actor:
    """Who did something, as a screen names them: a manager's name (empty when only a
    login is known) and the desk (empty for the command line and other tools)."""

    manager: str
    desk: str
    command_line: bool = False


def actor_of(recorded: str, login: str = "") -> Actor:
    """The manager and desk in a recorded actor; *login* is this computer's, which an
    older record names where a manager's name is missing."""
    text = (recorded or "").strip()
    if text.startswith("cli:"):
        return Actor("", "", command_line=True)
    if found := _LOGIN_AT_DESK.match(text):
        return Actor("", found["desk"])
    if found := _MANAGER_AT_DESK.match(text):
        name = found["name"]
        return Actor("" if login and name == login else name, found["desk"])
    return Actor(text, "")


class AuditAction(Labeled):
    CLIENT_CREATED = "client_created"
    CLIENT_UPDATED = "client_updated"
    CLIENT_ERASED = "client_erased"
    REVEAL_MOBILE = "reveal_mobile"
    REVEAL_ID_NUMBER = "reveal_id_number"
    REVEAL_DOC_NUMBER = "reveal_doc_number"  # a passport's, a permit's…: not the ID number
    CLIENTS_IMPORTED = "clients_imported"
    DEMO_CREATED = "demo_created"
    DEMO_REMOVED = "demo_removed"
    SETTINGS_CHANGED = "settings_changed"
    VISIT_CHECKED_IN = "visit_checked_in"
    VISIT_CALLED = "visit_called"
    VISIT_LINKED = "visit_linked"
    VISIT_FINISHED = "visit_finished"
    VISIT_TRANSFERRED = "visit_transferred"
    QUEUE_CLOSED = "queue_closed"
    DESK_STATE = "desk_state"
    DESK_UNLOCKED = "desk_unlocked"
    DESK_LOCKED = "desk_locked"
    DESK_PIN_WRONG = "desk_pin_wrong"
    DESK_PIN_MISSING = "desk_pin_missing"
    DESK_PIN_RESET = "desk_pin_reset"
    APPOINTMENT_CREATED = "appointment_created"
    APPOINTMENT_UPDATED = "appointment_updated"
    APPOINTMENT_CONFIRMED = "appointment_confirmed"
    APPOINTMENT_CANCELLED = "appointment_cancelled"
    APPOINTMENT_RESCHEDULED = "appointment_rescheduled"
    APPOINTMENT_NO_SHOW = "appointment_no_show"
    APPOINTMENT_CHECKED_IN = "appointment_checked_in"
    APPOINTMENT_COMPLETED = "appointment_completed"
    NOTICE_PRINTED = "notice_printed"
    NOTICE_SAVED = "notice_saved"
    PRODUCT_CREATED = "product_created"
    PRODUCT_UPDATED = "product_updated"
    PRODUCTS_IMPORTED = "products_imported"
    HOLDING_ADDED = "holding_added"
    HOLDING_CLOSED = "holding_closed"
    SALE_RECORDED = "sale_recorded"
    SALE_CANCELLED = "sale_cancelled"
    SALE_REFUSED = "sale_refused"
    RISK_ASSESSED = "risk_assessed"
    RISK_FORM_SIGNED = "risk_form_signed"
    QUALIFIED_INVESTOR = "qualified_investor"
    ID_DOCUMENT_RECORDED = "id_document_recorded"
    RECORDING_CHECKED = "recording_checked"
    CONSENT_RECORDED = "consent_recorded"
    CARE_CALL_LOGGED = "care_call_logged"
    CARE_TASK_CLOSED = "care_task_closed"
    CARE_EVENT_CREATED = "care_event_created"
    COLLEAGUE_SUPPORTED = "colleague_supported"
    DAY_CLOSED = "day_closed"
    DAY_CLOSE_EXPORTED = "day_close_exported"
    DAY_CLOSE_PRINTED = "day_close_printed"
    AUDIT_EXPORTED = "audit_exported"
    CALENDAR_LOADED = "calendar_loaded"
    PROTECTION_RESTORED = "audit_protection_restored"
    PLAN_SAVED = "plan_saved"
    PLAN_PRINTED = "plan_printed"
    PLAN_EXPORTED = "plan_exported"
    COMPLAINT_REGISTERED = "complaint_registered"
    COMPLAINT_UPDATED = "complaint_updated"
    COMPLAINT_RESOLVED = "complaint_resolved"
    COMPLAINT_REOPENED = "complaint_reopened"
    CARE_MESSAGE_SENT = "care_message_sent"
    CARE_MESSAGES_EXPORTED = "care_messages_exported"

    @classmethod
    def _labels(cls):
        return {
            "client_created": QT_TRANSLATE_NOOP("domain", "Client created"),
            "client_updated": QT_TRANSLATE_NOOP("domain", "Client updated"),
            "client_erased": QT_TRANSLATE_NOOP(
                "domain", "Client's personal data erased on request"
            ),
            "reveal_mobile": QT_TRANSLATE_NOOP("domain", "Full mobile number shown"),
            "reveal_id_number": QT_TRANSLATE_NOOP("domain", "Full ID number shown"),
            "reveal_doc_number": QT_TRANSLATE_NOOP("domain", "Full document number shown"),
            "clients_imported": QT_TRANSLATE_NOOP("domain", "Clients imported"),
            "demo_created": QT_TRANSLATE_NOOP("domain", "Demo data created"),
            "demo_removed": QT_TRANSLATE_NOOP("domain", "Demo data removed"),
            "settings_changed": QT_TRANSLATE_NOOP("domain", "Settings changed"),
            "visit_checked_in": QT_TRANSLATE_NOOP("domain", "Visitor checked in"),
            "visit_called": QT_TRANSLATE_NOOP("domain", "Visitor called"),
            "visit_linked": QT_TRANSLATE_NOOP("domain", "Visitor identified as a client"),
            "visit_finished": QT_TRANSLATE_NOOP("domain", "Service finished"),
            "visit_transferred": QT_TRANSLATE_NOOP("domain", "Visitor passed to another desk"),
            "queue_closed": QT_TRANSLATE_NOOP("domain", "Queue closed for the day"),
            "desk_state": QT_TRANSLATE_NOOP("domain", "Desk state changed"),
            "desk_unlocked": QT_TRANSLATE_NOOP("domain", "Desk unlocked"),
            "desk_locked": QT_TRANSLATE_NOOP("domain", "Desk locked"),
            "desk_pin_wrong": QT_TRANSLATE_NOOP("domain", "Wrong PIN at the locked desk"),
            "desk_pin_missing": QT_TRANSLATE_NOOP(
                "domain", "The locked desk's PIN was found removed (tampering)"
            ),
            "desk_pin_reset": QT_TRANSLATE_NOOP("domain", "Desk PIN reset by the branch"),
            "appointment_created": QT_TRANSLATE_NOOP("domain", "Appointment booked"),
            "appointment_updated": QT_TRANSLATE_NOOP("domain", "Appointment changed"),
            "appointment_confirmed": QT_TRANSLATE_NOOP("domain", "Appointment confirmed"),
            "appointment_cancelled": QT_TRANSLATE_NOOP("domain", "Appointment cancelled"),
            "appointment_rescheduled": QT_TRANSLATE_NOOP("domain", "Appointment rescheduled"),
            "appointment_no_show": QT_TRANSLATE_NOOP("domain", "Appointment marked no-show"),
            "appointment_checked_in": QT_TRANSLATE_NOOP("domain", "Appointment checked in"),
            "appointment_completed": QT_TRANSLATE_NOOP("domain", "Appointment completed"),
            "notice_printed": QT_TRANSLATE_NOOP("domain", "Door notice printed"),
            "notice_saved": QT_TRANSLATE_NOOP("domain", "Door notice saved"),
            "product_created": QT_TRANSLATE_NOOP("domain", "Product added to the catalogue"),
            "product_updated": QT_TRANSLATE_NOOP("domain", "Product changed"),
            "products_imported": QT_TRANSLATE_NOOP("domain", "Products imported"),
            "holding_added": QT_TRANSLATE_NOOP("domain", "Holding added"),
            "holding_closed": QT_TRANSLATE_NOOP("domain", "Holding closed"),
            "sale_recorded": QT_TRANSLATE_NOOP("domain", "Sale recorded"),
            "sale_cancelled": QT_TRANSLATE_NOOP(
                "domain", "Sale cancelled in the cooling-off period"
            ),
            "sale_refused": QT_TRANSLATE_NOOP("domain", "Sale refused by the suitability rules"),
            "risk_assessed": QT_TRANSLATE_NOOP("domain", "Risk profile assessed"),
            "risk_form_signed": QT_TRANSLATE_NOOP("domain", "Signed risk questionnaire received"),
            "qualified_investor": QT_TRANSLATE_NOOP("domain", "Qualified-investor proof recorded"),
            "id_document_recorded": QT_TRANSLATE_NOOP("domain", "Identity document recorded"),
            "recording_checked": QT_TRANSLATE_NOOP(
                "domain", "Sales recording (双录) marked quality-checked"
            ),
            "consent_recorded": QT_TRANSLATE_NOOP("domain", "Client consent recorded"),
            "care_call_logged": QT_TRANSLATE_NOOP("domain", "Care call logged"),
            "care_task_closed": QT_TRANSLATE_NOOP("domain", "Care task closed"),
            "care_event_created": QT_TRANSLATE_NOOP("domain", "Client event created"),
            "colleague_supported": QT_TRANSLATE_NOOP("domain", "Colleague support logged"),
            "day_closed": QT_TRANSLATE_NOOP("domain", "Day closed (日清日结)"),
            "day_close_exported": QT_TRANSLATE_NOOP(
                "domain", "Day close's visits and sales exported"
            ),
            "day_close_printed": QT_TRANSLATE_NOOP("domain", "Day-close summary printed"),
            "audit_exported": QT_TRANSLATE_NOOP("domain", "Audit log exported"),
            "calendar_loaded": QT_TRANSLATE_NOOP("domain", "Holiday schedule loaded"),
            "audit_protection_restored": QT_TRANSLATE_NOOP(
                "domain", "The audit log's protections were missing and were put back"
            ),
            "plan_saved": QT_TRANSLATE_NOOP("domain", "Financial plan saved"),
            "plan_printed": QT_TRANSLATE_NOOP("domain", "Financial plan printed"),
            "plan_exported": QT_TRANSLATE_NOOP("domain", "Financial plan saved as a file"),
            "complaint_registered": QT_TRANSLATE_NOOP("domain", "Complaint registered"),
            "complaint_updated": QT_TRANSLATE_NOOP("domain", "Complaint changed"),
            "complaint_resolved": QT_TRANSLATE_NOOP("domain", "Complaint resolved"),
            "complaint_reopened": QT_TRANSLATE_NOOP("domain", "Complaint reopened"),
            "care_message_sent": QT_TRANSLATE_NOOP("domain", "Care message sent"),
            "care_messages_exported": QT_TRANSLATE_NOOP(
                "domain", "Care messages exported for the SMS platform"
            ),
        }
