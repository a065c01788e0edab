import type { ActorGroup, CommitmentKind, ConditionTag, LegalForm, ParliamentaryApproval } from "@/lib/generated/prisma/enums";

type Pair = { en: string; uk: string };

export const COMMITMENTS = {
  title: { en: "Commitments compared", uk: "Порівняння зобов’язань" },
  metaTitle: { en: "Commitments", uk: "Зобов’язання" },
  intro: {
    en: "Who has offered what, at which stage of its lifecycle, on what conditions and how binding it is. Each cell shows an actor’s strongest commitment of that kind on the chosen date; open it for the dated, sourced history.",
    uk: "Хто що запропонував, на якому етапі, за яких умов і наскільки це обов’язково. Кожна клітинка показує найсильніше зобов’язання учасника цього виду на обрану дату; відкрийте її, щоб побачити датовану історію з джерелами.",
  },
  stateOn: { en: "State of the world on", uk: "Стан на" },
  matching: { en: "Showing", uk: "Показано" },
  ofRecorded: { en: "of", uk: "із" },
  recordedOnDate: { en: "recorded on this date", uk: "зафіксованих на цю дату" },
  filters: { en: "Filter", uk: "Фільтри" },
  filtersHelp: {
    en: "Within one filter any ticked value matches; different filters must all match.",
    uk: "У межах одного фільтра підходить будь-яке позначене значення; різні фільтри мають виконуватися одночасно.",
  },
  applyFilters: { en: "Apply filters", uk: "Застосувати" },
  clearFilters: { en: "Clear all filters", uk: "Скинути фільтри" },
  activeFilters: { en: "Active filters", uk: "Активні фільтри" },
  removeFilter: { en: "Remove filter", uk: "Прибрати фільтр" },
  selected: { en: "selected", uk: "вибрано" },
  any: { en: "any", uk: "будь-які" },
  filter: {
    kind: { en: "Kind", uk: "Вид" },
    stage: { en: "Stage on this date", uk: "Етап на цю дату" },
    condition: { en: "Condition", uk: "Умова" },
    legalForm: { en: "Legal form", uk: "Правова форма" },
    approval: { en: "Parliamentary approval", uk: "Схвалення парламентом" },
    group: { en: "Actor group", uk: "Група учасників" },
  },
  noCondition: { en: "No condition recorded", uk: "Умов не зафіксовано" },
  sort: { en: "Sort rows by", uk: "Сортувати рядки за" },
  sorts: {
    actor: { en: "Actor name", uk: "Назвою учасника" },
    count: { en: "Number of commitments", uk: "Кількістю зобов’язань" },
    stage: { en: "Strongest stage", uk: "Найсильнішим етапом" },
  },
  actor: { en: "Actor", uk: "Учасник" },
  tableCaption: {
    en: "Actors (rows) by commitment kind (columns): stage on the chosen date, conditions and how binding",
    uk: "Учасники (рядки) за видами зобов’язань (стовпці): етап на обрану дату, умови та обов’язковість",
  },
  chartHeading: { en: "Strongest stage by actor and kind", uk: "Найсильніший етап за учасником і видом" },
  chartKey: { en: "Stage codes", uk: "Коди етапів" },
  tableHeading: { en: "Every commitment", uk: "Усі зобов’язання" },
  tableRows: { en: "rows {from}–{to} of {total}", uk: "рядки {from}–{to} із {total}" },
  pages: { en: "Pages of the table", uk: "Сторінки таблиці" },
  pageOf: { en: "Page {page} of {pages}", uk: "Сторінка {page} з {pages}" },
  prev: { en: "Previous", uk: "Попередня" },
  next: { en: "Next", uk: "Наступна" },
  firstPage: { en: "First", uk: "Перша" },
  lastPage: { en: "Last", uk: "Остання" },
  noSuchPageShort: { en: "page: There is no such page of the table.", uk: "page: Такої сторінки таблиці немає." },
  stage: { en: "Stage", uk: "Етап" },
  sinceCol: { en: "Since", uk: "З" },
  firstRows: { en: "the first {n} of {total}; the CSV has all", uk: "перші {n} із {total}; у CSV — усі" },
  countNote: {
    en: "×N: the actor has N commitments of this kind; the colour and code are the strongest one’s.",
    uk: "×N: у учасника N зобов’язань цього виду; колір і код — найсильнішого з них.",
  },
  listLabel: { en: "Commitments by actor", uk: "Зобов’язання за учасниками" },
  nothing: { en: "Nothing recorded", uk: "Нічого не зафіксовано" },
  more: { en: "more of this kind", uk: "ще цього виду" },
  scrollHint: { en: "Scroll the table sideways for more kinds", uk: "Прокрутіть таблицю вбік, щоб побачити інші види" },
  singleSourceShort: { en: "single source", uk: "одне джерело" },
  since: { en: "since", uk: "з" },
  byStageNote: {
    en: "Many commitments: each actor's are counted by stage; its page lists them by kind.",
    uk: "Багато зобов’язань: для кожного учасника їх пораховано за етапами; його сторінка показує їх за видами.",
  },
  noneMatch: {
    en: "No commitment matches these filters on this date.",
    uk: "На цю дату жодне зобов’язання не відповідає цим фільтрам.",
  },
  noneYet: { en: "No commitment had been recorded by this date.", uk: "На цю дату жодного зобов’язання ще не зафіксовано." },
  open: { en: "Open", uk: "Відкрити" },
  conditions: { en: "Conditions", uk: "Умови" },
  noConditions: { en: "none recorded", uk: "не зафіксовано" },
  binding: { en: "How binding", uk: "Обов’язковість" },
  parliament: { en: "Parliament", uk: "Парламент" },
  legend: { en: "Key", uk: "Легенда" },
  legendStages: { en: "Lifecycle stages, weakest to strongest", uk: "Етапи життєвого циклу, від найслабшого до найсильнішого" },
  legendConditions: { en: "Condition abbreviations", uk: "Скорочення умов" },
  legendBinding: {
    en: "Bars: legal form from statement (1) to treaty (4); none filled = not known.",
    uk: "Смужки: правова форма від заяви (1) до договору (4); жодної заповненої — невідомо.",
  },
  legendEmpty: { en: "– nothing recorded for this actor and kind on this date", uk: "– для цього учасника й виду на цю дату нічого не зафіксовано" },
  strongestNote: {
    en: "A refusal (“ruled out”) is data too: it ranks below every offer when sorting by stage.",
    uk: "Відмова («виключено») — теж дані: під час сортування за етапом вона нижча за будь-яку пропозицію.",
  },
  // Detail page
  backToAll: { en: "All commitments", uk: "Усі зобов’язання" },
  stageOn: { en: "Stage on", uk: "Етап станом на" },
  notYet: {
    en: "Nothing had been recorded for this commitment by this date. Later stages are shown below, marked “later”.",
    uk: "На цю дату для цього зобов’язання ще нічого не зафіксовано. Пізніші етапи показано нижче з позначкою «пізніше».",
  },
  facts: { en: "Key facts", uk: "Основні відомості" },
  kind: { en: "Kind", uk: "Вид" },
  quantity: { en: "Quantity", uk: "Кількість" },
  official: { en: "official", uk: "офіційно" },
  reported: { en: "reported estimate", uk: "оцінка за повідомленнями" },
  basisUnknown: { en: "basis not stated", uk: "підставу не вказано" },
  legalForm: { en: "Legal form", uk: "Правова форма" },
  approval: { en: "Parliamentary approval", uk: "Схвалення парламентом" },
  requiredResponse: { en: "Required response if the trigger happens", uk: "Обов’язкова реакція в разі настання умови" },
  notStated: { en: "not stated", uk: "не вказано" },
  conditionNote: { en: "In the sources’ words", uk: "Словами джерел" },
  confidence: { en: "Research confidence", uk: "Достовірність" },
  singleSource: { en: "Single source: only one original source reports this.", uk: "Одне джерело: про це повідомляє лише одне першоджерело." },
  multiSource: { en: "More than one original source.", uk: "Більше ніж одне першоджерело." },
  lifecycle: { en: "Lifecycle", uk: "Життєвий цикл" },
  lifecycleNote: {
    en: "Each step as dated by its sources, at the precision the date is known. Steps after the chosen date are marked “later”.",
    uk: "Кожен крок датовано за джерелами з тією точністю, з якою відома дата. Кроки після обраної дати позначено «пізніше».",
  },
  later: { en: "later", uk: "пізніше" },
  inForce: { en: "in force on this date", uk: "чинний на цю дату" },
  sites: { en: "Linked sites", uk: "Пов’язані об’єкти" },
  events: { en: "Linked events", uk: "Пов’язані події" },
  allCitations: { en: "All citations", uk: "Усі посилання" },
  noCitations: { en: "No published source is recorded.", uk: "Опубліковане джерело не зафіксовано." },
  context: { en: "context, outside Ukraine", uk: "контекст, за межами України" },
  actorPage: { en: "All of this actor’s commitments", uk: "Усі зобов’язання цього учасника" },
  published: { en: "published", uk: "опубліковано" },
  lastChanged: { en: "Record last changed", uk: "Запис востаннє змінено" },
} as const;

/** Short column headers; the full label rides along as the abbreviation's title. */
export const KIND_SHORT: Record<CommitmentKind, Pair> = {
  TROOPS: { en: "Troops", uk: "Війська" },
  MILITARY_HUB: { en: "Military hub", uk: "Військовий хаб" },
  PROTECTED_FACILITY: { en: "Protected facility", uk: "Захищений об’єкт" },
  HQ_COMMAND: { en: "HQ / command", uk: "Штаб" },
  AIR_POLICING: { en: "Air policing", uk: "Повітря" },
  MARITIME_DEMINING: { en: "Maritime / demining", uk: "Море / розмінування" },
  TRAINING_REGENERATION: { en: "Training", uk: "Навчання" },
  LOGISTICS: { en: "Logistics", uk: "Логістика" },
  CEASEFIRE_MONITORING: { en: "Ceasefire monitoring", uk: "Моніторинг" },
  FUNDING: { en: "Funding", uk: "Фінансування" },
  BINDING_GUARANTEE: { en: "Binding guarantee", uk: "Гарантія" },
  REFUSAL: { en: "Refusal", uk: "Відмова" },
};

/** Two- or three-letter condition codes for the compact cells (legend below the table). */
export const CONDITION_ABBR: Record<ConditionTag, Pair> = {
  AFTER_CEASEFIRE: { en: "CF", uk: "ПВ" },
  AFTER_PEACE_DEAL: { en: "PD", uk: "МУ" },
  US_BACKSTOP: { en: "US", uk: "США" },
  PARLIAMENT_VOTE: { en: "PV", uk: "ГП" },
  OUTSIDE_UKRAINE_ONLY: { en: "OU", uk: "ПМ" },
  CLEAR_MANDATE: { en: "MD", uk: "ЧМ" },
  ALL_MEMBERS_COMMIT: { en: "AM", uk: "ВУ" },
  NON_COMBAT_ROLE: { en: "NC", uk: "НБ" },
  AWAY_FROM_CONTACT_LINE: { en: "CL", uk: "ЛЗ" },
};

export const LEGAL_FORM_SHORT: Record<LegalForm, Pair> = {
  TREATY: { en: "Treaty", uk: "Договір" },
  EXECUTIVE_AGREEMENT: { en: "Exec. agreement", uk: "Міжурядова угода" },
  POLITICAL_DECLARATION: { en: "Pol. declaration", uk: "Політ. декларація" },
  STATEMENT: { en: "Statement", uk: "Заява" },
  UNKNOWN: { en: "Form unknown", uk: "Форма невідома" },
};

export const APPROVAL_SHORT: Record<ParliamentaryApproval, Pair> = {
  NOT_REQUIRED: { en: "no vote needed", uk: "голосування не потрібне" },
  REQUIRED: { en: "vote required", uk: "потрібне голосування" },
  PROMISED: { en: "vote promised", uk: "голосування обіцяно" },
  PENDING: { en: "vote pending", uk: "голосування очікується" },
  APPROVED: { en: "approved by parliament", uk: "схвалено парламентом" },
  REJECTED: { en: "rejected by parliament", uk: "відхилено парламентом" },
  UNKNOWN: { en: "approval unknown", uk: "схвалення невідоме" },
};

export const GROUP: Record<ActorGroup, Pair> = {
  EU: { en: "EU member", uk: "Член ЄС" },
  NATO: { en: "NATO member", uk: "Член НАТО" },
  EUROPE: { en: "European", uk: "Європейські" },
  NON_EUROPEAN: { en: "Non-European", uk: "Неєвропейські" },
};

const RULES = { en: new Intl.PluralRules("en"), uk: new Intl.PluralRules("uk") };
type Forms = { en: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }; uk: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string } };

/** "n word" with the plural form the language's rules pick for n. */
function counted(n: number, forms: Forms, lang: "en" | "uk"): string {
  const f = forms[lang];
  return `${n} ${f[RULES[lang].select(n)] ?? f.other}`;
}

const COMMITMENT_FORMS: Forms = {
  en: { one: "commitment", other: "commitments" },
  uk: { one: "зобов’язання", few: "зобов’язання", many: "зобов’язань", other: "зобов’язання" },
};
const ACTOR_FORMS: Forms = {
  en: { one: "actor", other: "actors" },
  uk: { one: "учасник", few: "учасники", many: "учасників", other: "учасника" },
};

/** "1 commitment", "3 commitments"; Ukrainian: 1 зобов’язання, 3 зобов’язання, 5 зобов’язань. */
export function commitmentsCount(n: number, lang: "en" | "uk"): string {
  return counted(n, COMMITMENT_FORMS, lang);
}

/** "1 actor", "23 actors"; Ukrainian: 1 учасник, 3 учасники, 23 учасники, 5 учасників. */
export function actorsCount(n: number, lang: "en" | "uk"): string {
  return counted(n, ACTOR_FORMS, lang);
}
