export const OVERVIEW = {
  title: { en: "Who has promised what to guarantee Ukraine’s security", uk: "Хто що пообіцяв для гарантій безпеки України" },
  intro: {
    en: "The Coalition of the Willing’s troop and hub pledges, protected weapons facilities, the binding “if attacked again” commitments, refusals, and the conditions attached to each, from public sources.",
    uk: "Обіцянки Коаліції охочих щодо військ і хабів, захищені об’єкти для озброєння, обов’язкові зобов’язання «у разі нового нападу», відмови та умови кожного з них — за відкритими джерелами.",
  },
  dataAsOf: { en: "Data recorded up to", uk: "Дані внесено станом на" },
  worldOn: { en: "state of the world on", uk: "стан на" },
  figuresTitle: { en: "Key figures", uk: "Ключові показники" },
  counts: {
    actors: { en: "Actors with a recorded commitment or refusal", uk: "Учасники із зафіксованими зобов’язаннями чи відмовами" },
    commitments: { en: "Commitments and refusals", uk: "Зобов’язання та відмови" },
    events: { en: "Dated events", uk: "Датовані події" },
    polls: { en: "Poll results", uk: "Результати опитувань" },
    unverified: { en: "Claims we could not confirm", uk: "Непідтверджені твердження" },
  },
  matrix: { en: "Commitments by kind and stage", uk: "Зобов’язання за видом і етапом" },
  matrixNote: {
    en: "Each actor is counted at the stage its commitment had reached on",
    uk: "Кожного учасника враховано на етапі, якого досягло його зобов’язання станом на",
  },
  noneApproved: {
    en: "No commitment recorded here has been approved by a parliament or deployed.",
    uk: "Жодне із зафіксованих тут зобов’язань не схвалене парламентом і не виконане.",
  },
  kind: { en: "Kind", uk: "Вид" },
  none: { en: "No published commitments for this date.", uk: "На цю дату опублікованих зобов’язань немає." },
  changes: { en: "Recent lifecycle changes", uk: "Останні зміни етапів" },
  latest: { en: "Latest events", uk: "Останні події" },
  explore: { en: "Explore", uk: "Розділи" },
  views: {
    commitments: { en: "Compare every actor’s commitments, conditions and how binding they are.", uk: "Порівняйте зобов’язання, умови та обов’язковість для кожного учасника." },
    timeline: { en: "Summits, pledges, statements and votes on one time axis.", uk: "Саміти, обіцянки, заяви та голосування на одній осі часу." },
    map: { en: "Coalition participants by their strongest commitment; announced sites.", uk: "Учасники коаліції за найсильнішим зобов’язанням; оголошені об’єкти." },
    polls: { en: "Public opinion on sending troops, by question wording.", uk: "Громадська думка щодо відправлення військ за формулюванням питання." },
    capacity: { en: "Pledged contributions beside the size of each country’s forces.", uk: "Обіцяні внески порівняно з чисельністю збройних сил." },
    sources: { en: "Every source, and what we could not verify.", uk: "Усі джерела та те, що не вдалося перевірити." },
  },
  chart: {
    title: { en: "Actors by strongest stage over time", uk: "Учасники за найсильнішим етапом у часі" },
    note: {
      en: "Each month, every country and organisation is counted once, at the strongest stage any of its commitments had reached by the end of the month (the last month: by the as-of date). Actors whose only positions are refusals are shown below the line, never in the stack. The coalition’s joint commitments are not counted as an actor’s.",
      uk: "Щомісяця кожну країну та організацію враховано один раз — на найсильнішому етапі, якого досягло будь-яке її зобов’язання на кінець місяця (останній місяць — на обрану дату). Учасників, чиї позиції — лише відмови, показано під лінією, а не в стовпчику. Спільні зобов’язання коаліції не враховано як зобов’язання окремого учасника.",
    },
    axis: { en: "Actors", uk: "Учасники" },
    summit: { en: "Key summit", uk: "Ключовий саміт" },
    refusalOnly: { en: "Only ruled out or withdrew", uk: "Лише відмовилися" },
    total: { en: "Total over time", uk: "Разом у часі" },
    none: { en: "No commitment had been recorded by {date}.", uk: "Станом на {date} жодного зобов’язання не зафіксовано." },
    desc: {
      en: "On {date}, {actors} had a recorded commitment; the most advanced stage reached is “{stage}” ({top}).",
      uk: "Станом на {date} зобов’язання мали {actors}; найдальший етап — «{stage}» ({top}).",
    },
    descRefusals: { en: "Actors with only refusals: {n}.", uk: "Учасників лише з відмовами: {n}." },
    descSince: { en: "Counted monthly since {first}.", uk: "Підраховано щомісяця з {first}." },
    month: { en: "Month", uk: "Місяць" },
    supportTotal: { en: "With a commitment", uk: "Із зобов’язанням" },
    download: { en: "Download the chart’s data", uk: "Завантажити дані графіка" },
    share: { en: "Embed or share", uk: "Вбудувати або поширити" },
  },
  /** Month abbreviations for axis labels. */
  monthsShort: {
    en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    uk: ["січ", "лют", "бер", "кві", "тра", "чер", "лип", "сер", "вер", "жов", "лис", "гру"],
  },
} as const;

const ACTORS = {
  en: { one: "actor", other: "actors" },
  uk: { one: "учасник", few: "учасники", many: "учасників", other: "учасника" },
} as const;
const rules = { en: new Intl.PluralRules("en"), uk: new Intl.PluralRules("uk") };

/** "1 actor", "22 actors"; "1 учасник", "22 учасники", "25 учасників" (Intl.PluralRules). */
export function actorCount(n: number, lang: "en" | "uk"): string {
  const forms: Record<string, string> = ACTORS[lang];
  return `${n.toLocaleString(lang === "uk" ? "uk-UA" : "en-GB")} ${forms[rules[lang].select(n)] ?? forms.other}`;
}
