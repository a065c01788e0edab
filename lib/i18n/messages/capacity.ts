// Strings of the capacity check (/capacity).
export const CAPACITY = {
  title: { en: "Where will the boots on the ground come from?", uk: "Звідки візьмуться війська на землі?" },
  intro: {
    en: "For each country with a live troop offer: what it has pledged or is reported to send, beside its forces already deployed abroad and the size of its armed forces. All bars share one scale. A missing figure is shown as unknown; the tracker never estimates one.",
    uk: "Для кожної країни з чинною пропозицією військ: що вона пообіцяла або, за повідомленнями, відправить, поряд із силами, вже розгорнутими за кордоном, і чисельністю її збройних сил. Усі смуги мають одну шкалу. Відсутній показник позначено як невідомий; трекер ніколи його не оцінює.",
  },
  countries: { en: "countries with a live troop offer", uk: "країн із чинною пропозицією військ" },
  none: {
    en: "No country had a live troop offer on this date.",
    uk: "На цю дату жодна країна не мала чинної пропозиції військ.",
  },
  scale: { en: "Personnel, one scale for every country", uk: "Особовий склад, одна шкала для всіх країн" },
  metrics: {
    "pledge-for-ukraine": { en: "Pledged or reported for Ukraine", uk: "Обіцяно або повідомлено для України" },
    "deployed-abroad": { en: "Deployed abroad (all operations)", uk: "Розгорнуто за кордоном (усі операції)" },
    "deployed-in": { en: "Deployed in", uk: "Розгорнуто в" },
    "regular-army": { en: "Regular army", uk: "Регулярна армія" },
    "full-time-forces": { en: "Full-time armed forces", uk: "Кадрові збройні сили" },
    "armed-forces-total": { en: "Armed forces, all services", uk: "Збройні сили, усі види" },
  },
  unknown: { en: "unknown", uk: "невідомо" },
  unknownNote: { en: "no sourced figure recorded", uk: "немає підтвердженого джерелом показника" },
  noFigures: { en: "Offers with no figures recorded yet", uk: "Пропозиції, для яких ще немає показників" },
  noFiguresNote: {
    en: "These countries have a live troop offer, but the tracker holds no sourced figure for their contribution, deployments abroad or force size. Each is unknown, not zero.",
    uk: "Ці країни мають чинну пропозицію військ, але трекер не має підтверджених джерелами показників їхнього внеску, розгортань за кордоном чи чисельності сил. Кожен із них невідомий, а не нульовий.",
  },
  offers: { en: "Troop offers", uk: "Пропозиції військ" },
  earlier: { en: "Earlier figures (not drawn)", uk: "Попередні показники (не показано на діаграмі)" },
  table: { en: "Every figure, with its date and sources", uk: "Усі показники з датами та джерелами" },
  tableCaption: {
    en: "Figures drawn above, by country and measure, with date, verification and sources",
    uk: "Показники з діаграми за країнами та вимірами, з датою, станом перевірки та джерелами",
  },
  country: { en: "Country", uk: "Країна" },
  measure: { en: "Measure", uk: "Вимір" },
  value: { en: "Value", uk: "Значення" },
  date: { en: "Date", uk: "Дата" },
  status: { en: "Verification", uk: "Перевірка" },
  basis: {
    OFFICIAL: { en: "official figure", uk: "офіційна цифра" },
    REPORTED_ESTIMATE: { en: "reported estimate", uk: "оцінка у ЗМІ" },
  },
  stageOn: { en: "stage of", uk: "етап від" },
  legend: {
    solid: { en: "Figure", uk: "Показник" },
    bound: { en: "Upper bound (“fewer than”, “up to”)", uk: "Верхня межа («менше ніж», «до»)" },
    extent: { en: "Range: lower to upper figure", uk: "Діапазон: від нижньої до верхньої цифри" },
    unknown: { en: "Unknown: no figure recorded", uk: "Невідомо: показника немає" },
  },
  groups: {
    pledge: { en: "Contribution for Ukraine", uk: "Внесок для України" },
    deployed: { en: "Existing deployments", uk: "Наявні розгортання" },
    forces: { en: "Size of forces", uk: "Чисельність сил" },
  },
  method: {
    en: "How to read: the pledged bar and the force-size bars are drawn on the same scale, so the share of an army a contribution would take can be judged by eye. Each label keeps the source’s qualifier (about, fewer than, up to). Figures are the newest recorded on or before the date; a second figure within a year of the newest is drawn too, so disagreeing sources stay visible.",
    uk: "Як читати: смуга внеску та смуги чисельності сил мають одну шкалу, тож частку армії, яку забрав би внесок, видно одразу. Кожен підпис зберігає застереження джерела (близько, менше ніж, до). Показано найновіші показники на дату; інший показник, молодший за рік від найновішого, також показано, щоб розбіжні джерела було видно.",
  },
  desc: {
    en: "Horizontal bars on one linear scale, per country.",
    uk: "Горизонтальні смуги на одній лінійній шкалі для кожної країни.",
  },
} as const;
