// Labels for the data's controlled vocabularies, in English and Ukrainian. Data text (summaries,
// quotes, titles) stays in its source language unless a translation is recorded.
import type {
  CommitmentKind,
  Confidence,
  ConditionTag,
  EventKind,
  LegalForm,
  LifecycleStage,
  LocationPrecision,
  ParliamentaryApproval,
  SiteKind,
  VerificationStatus,
  WordingClass,
} from "@/lib/generated/prisma/enums";
import type { Lang } from "./index";

type Labels<K extends string> = Record<K, { en: string; uk: string }>;

export const STAGE: Labels<LifecycleStage> = {
  FLOATED: { en: "Floated", uk: "Обговорюється" },
  ANNOUNCED: { en: "Announced", uk: "Оголошено" },
  CONDITIONAL_OFFER: { en: "Conditional offer", uk: "Умовна пропозиція" },
  FORMALISED: { en: "Formalised (signed)", uk: "Оформлено (підписано)" },
  PARLIAMENT_APPROVED: { en: "Approved by parliament", uk: "Схвалено парламентом" },
  DEPLOYED: { en: "Deployed or delivered", uk: "Розгорнуто або надано" },
  RULED_OUT: { en: "Ruled out", uk: "Виключено" },
  WITHDRAWN: { en: "Withdrawn", uk: "Відкликано" },
};

export const KIND: Labels<CommitmentKind> = {
  TROOPS: { en: "Troops / force contribution", uk: "Війська / внесок у сили" },
  MILITARY_HUB: { en: "Military hub", uk: "Військовий хаб" },
  PROTECTED_FACILITY: { en: "Protected weapons facility", uk: "Захищений об’єкт для озброєння" },
  HQ_COMMAND: { en: "HQ or command", uk: "Штаб або командування" },
  AIR_POLICING: { en: "Air policing", uk: "Охорона повітряного простору" },
  MARITIME_DEMINING: { en: "Maritime or demining", uk: "Море або розмінування" },
  TRAINING_REGENERATION: { en: "Training or regeneration", uk: "Навчання або відновлення" },
  LOGISTICS: { en: "Logistics", uk: "Логістика" },
  CEASEFIRE_MONITORING: { en: "Ceasefire monitoring", uk: "Моніторинг припинення вогню" },
  FUNDING: { en: "Funding", uk: "Фінансування" },
  BINDING_GUARANTEE: { en: "Binding guarantee (if attacked again)", uk: "Обов’язкова гарантія (у разі нового нападу)" },
  REFUSAL: { en: "Explicit refusal", uk: "Пряма відмова" },
};

export const CONDITION: Labels<ConditionTag> = {
  AFTER_CEASEFIRE: { en: "After a ceasefire", uk: "Після припинення вогню" },
  AFTER_PEACE_DEAL: { en: "After a peace deal", uk: "Після мирної угоди" },
  US_BACKSTOP: { en: "Needs a US backstop", uk: "Потрібна підтримка США" },
  PARLIAMENT_VOTE: { en: "Needs a parliamentary vote", uk: "Потрібне голосування парламенту" },
  OUTSIDE_UKRAINE_ONLY: { en: "Outside Ukraine only", uk: "Лише за межами України" },
  CLEAR_MANDATE: { en: "Needs a clear mandate", uk: "Потрібен чіткий мандат" },
  ALL_MEMBERS_COMMIT: { en: "If all members commit", uk: "Якщо долучаться всі учасники" },
  NON_COMBAT_ROLE: { en: "Non-combat role", uk: "Небойова роль" },
  AWAY_FROM_CONTACT_LINE: { en: "Away from the contact line", uk: "Далеко від лінії зіткнення" },
};

export const LEGAL_FORM: Labels<LegalForm> = {
  TREATY: { en: "Treaty", uk: "Договір" },
  EXECUTIVE_AGREEMENT: { en: "Executive agreement", uk: "Міжурядова угода" },
  POLITICAL_DECLARATION: { en: "Political declaration", uk: "Політична декларація" },
  STATEMENT: { en: "Statement", uk: "Заява" },
  UNKNOWN: { en: "Unknown", uk: "Невідомо" },
};

export const APPROVAL: Labels<ParliamentaryApproval> = {
  NOT_REQUIRED: { en: "Not required", uk: "Не потрібне" },
  REQUIRED: { en: "Required", uk: "Потрібне" },
  PROMISED: { en: "Vote promised", uk: "Голосування обіцяно" },
  PENDING: { en: "Pending", uk: "Очікується" },
  APPROVED: { en: "Approved", uk: "Схвалено" },
  REJECTED: { en: "Rejected", uk: "Відхилено" },
  UNKNOWN: { en: "Unknown", uk: "Невідомо" },
};

export const WORDING: Labels<WordingClass> = {
  OWN_TROOPS_PEACEKEEPING: { en: "Own troops as peacekeepers after a deal", uk: "Власні війська як миротворці після угоди" },
  OWN_TROOPS_STABILISATION: { en: "Own troops in a stabilisation mission", uk: "Власні війська у стабілізаційній місії" },
  OWN_TROOPS_COMBAT: { en: "Own troops to fight", uk: "Власні війська для бойових дій" },
  ALLIED_TROOPS_IN_UKRAINE: { en: "Allied troops in Ukraine", uk: "Війська союзників в Україні" },
  GENERAL_SUPPORT: { en: "General support for Ukraine", uk: "Загальна підтримка України" },
};

export const VERIFICATION: Labels<VerificationStatus> = {
  CONFIRMED: { en: "Confirmed", uk: "Підтверджено" },
  REPORTED: { en: "Reported (one original source)", uk: "Повідомлено (одне першоджерело)" },
  DISPUTED: { en: "Disputed", uk: "Спірне" },
  UNVERIFIED: { en: "Unverified", uk: "Не перевірено" },
};

export const CONFIDENCE: Labels<Confidence> = {
  HIGH: { en: "High confidence", uk: "Висока достовірність" },
  MEDIUM: { en: "Medium confidence", uk: "Середня достовірність" },
  LOW: { en: "Low confidence", uk: "Низька достовірність" },
  UNVERIFIED: { en: "Unverified", uk: "Не перевірено" },
};

export const EVENT_KIND: Labels<EventKind> = {
  SUMMIT: { en: "Summit", uk: "Саміт" },
  DECLARATION: { en: "Declaration", uk: "Декларація" },
  STATEMENT: { en: "Statement", uk: "Заява" },
  VOTE: { en: "Vote", uk: "Голосування" },
  THREAT: { en: "Threat", uk: "Погроза" },
  REJECTION: { en: "Rejection", uk: "Відмова" },
  REPORT: { en: "Media report", uk: "Повідомлення ЗМІ" },
  MEETING: { en: "Meeting", uk: "Зустріч" },
};

export const SITE_KIND: Labels<SiteKind> = {
  MILITARY_HUB: { en: "Military hub", uk: "Військовий хаб" },
  PROTECTED_FACILITY: { en: "Protected weapons facility", uk: "Захищений об’єкт" },
  HQ: { en: "Headquarters", uk: "Штаб" },
  COORDINATION_CELL: { en: "Coordination cell", uk: "Координаційний осередок" },
  TRAINING_CENTRE: { en: "Training centre", uk: "Навчальний центр" },
  BASE: { en: "Base", uk: "База" },
};

export const PRECISION: Labels<LocationPrecision> = {
  UNDISCLOSED: { en: "Location undisclosed", uk: "Місце не розголошено" },
  COUNTRY: { en: "Country only", uk: "Лише країна" },
  REGION: { en: "Region", uk: "Регіон" },
  CITY: { en: "City", uk: "Місто" },
};

/** Label of an enum value in a language. */
export function label<K extends string>(labels: Labels<K>, key: K, lang: Lang): string {
  return labels[key][lang];
}
