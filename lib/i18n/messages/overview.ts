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
} as const;
