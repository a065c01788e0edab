// Strings of the maps page (/map) and its chart components.
export const MAP = {
  title: { en: "Maps: the coalition and the announced sites", uk: "Карти: коаліція та оголошені об’єкти" },
  intro: {
    en: "Where the Coalition of the Willing's participants stand, and where its hubs, headquarters and facilities have been announced, only as precisely as they were announced.",
    uk: "Позиції учасників Коаліції охочих і місця оголошених хабів, штабів та об’єктів — лише з тією точністю, з якою їх оголосили.",
  },
  tabs: { en: "Choose a map", uk: "Оберіть карту" },
  europeTab: { en: "Europe and partners", uk: "Європа та партнери" },
  ukraineTab: { en: "Sites in Ukraine", uk: "Об’єкти в Україні" },
  stateOn: { en: "State of the world on", uk: "Стан на" },

  europeTitle: { en: "Coalition participants by their strongest commitment", uk: "Учасники коаліції за найсильнішим зобов’язанням" },
  europeDek: {
    en: "Each participant is coloured by the furthest stage any of its commitments had reached on the date. Participation is the earliest sourced evidence: no official membership list exists.",
    uk: "Колір учасника — найдальша стадія, якої досягло будь-яке з його зобов’язань на цю дату. Участь — найраніше задокументоване свідчення: офіційного списку учасників немає.",
  },
  legend: { en: "Strongest stage", uk: "Найсильніша стадія" },
  participantNone: { en: "Participant, no commitment recorded", uk: "Учасник, зобов’язань не зафіксовано" },
  notParticipant: { en: "Not a recorded participant", uk: "Не зафіксований учасник" },
  refusalHatch: { en: "Hatched: refusal only (ruled out or withdrawn)", uk: "Штрихування: лише відмова (виключено або відкликано)" },
  hoverHint: { en: "Hover over or tab to a country for details; the table below has the same data.", uk: "Наведіть курсор або перейдіть клавішею Tab до країни, щоб побачити деталі; таблиця нижче містить ті самі дані." },
  beyond: { en: "Beyond this map", uk: "Поза цією картою" },
  beyondNote: { en: "Participants that are organisations or lie outside the map's area.", uk: "Учасники — організації або країни за межами карти." },
  commitments: { en: "commitments", uk: "зобов’язань" },
  commitmentOne: { en: "commitment", uk: "зобов’язання" },
  noCommitment: { en: "no commitment recorded", uk: "зобов’язань не зафіксовано" },
  alsoRefused: { en: "also ruled something out", uk: "також від чогось відмовився" },
  tableTitle: { en: "Participants and their strongest stage", uk: "Учасники та їхня найсильніша стадія" },
  country: { en: "Country or organisation", uk: "Країна або організація" },
  stage: { en: "Strongest stage", uk: "Найсильніша стадія" },
  count: { en: "Commitments", uk: "Зобов’язання" },
  sourcesCol: { en: "Sources", uk: "Джерела" },
  since: { en: "Participation first recorded", uk: "Участь уперше зафіксовано" },
  others: { en: "Not recorded as participants, with recorded positions", uk: "Не зафіксовані як учасники, але мають зафіксовані позиції" },
  othersNote: {
    en: "Left blank on the map: they are not recorded as coalition participants on this date.",
    uk: "На карті не зафарбовані: на цю дату їх не зафіксовано як учасників коаліції.",
  },
  coalitionWhole: { en: "The coalition as a whole (not drawn)", uk: "Коаліція в цілому (не показана на карті)" },
  noParticipants: { en: "No participation recorded by this date.", uk: "На цю дату участі не зафіксовано." },
  ukraineLabel: { en: "Ukraine", uk: "Україна" },
  recipient: { en: "Ukraine (the guarantees' recipient)", uk: "Україна (отримувач гарантій)" },

  ukraineTitle: { en: "Announced sites, only as precisely as announced", uk: "Оголошені об’єкти — лише з оголошеною точністю" },
  ukraineDek: {
    en: "A site is drawn as a point only when it was announced at city level, and then at the city centre. Sites announced for a region, for the whole country or not at all are listed, never placed.",
    uk: "Об’єкт позначено точкою лише тоді, коли його оголошено з точністю до міста, і тоді — в центрі міста. Об’єкти, оголошені для регіону, для всієї країни або без місця, перелічено, але не нанесено на карту.",
  },
  sitesNoDate: {
    en: "Sites have no valid-time date in the data, so this map does not change with the as-of date.",
    uk: "Для об’єктів у даних немає дати, тому ця карта не залежить від дати «станом на».",
  },
  acrossUkraine: { en: "Announced only as “across Ukraine” or “in Ukraine”, with no location: shown as the hatched country, never as a point.", uk: "Оголошено лише як «по всій Україні» або «в Україні», без місця: показано штрихуванням країни, не точкою." },
  cityMarker: { en: "City announced: marker at the city centre", uk: "Оголошено місто: позначка в центрі міста" },
  countryHatch: { en: "Country announced, no location", uk: "Оголошено країну, без місця" },
  contextTitle: { en: "Context: sites outside Ukraine", uk: "Контекст: об’єкти за межами України" },
  outside: { en: "outside Ukraine", uk: "за межами України" },
  listedTitle: { en: "Listed, not placed", uk: "Перелічено, не нанесено" },
  listedReason: {
    undisclosed: { en: "location undisclosed", uk: "місце не розголошено" },
    region: { en: "region only; no regional boundaries are drawn", uk: "лише регіон; межі регіонів не показано" },
    "city-not-in-gazetteer": { en: "city not yet in the map's gazetteer", uk: "міста ще немає в довіднику карти" },
    "no-country": { en: "no country recorded", uk: "країну не зафіксовано" },
  },
  sitesTable: { en: "All announced sites", uk: "Усі оголошені об’єкти" },
  site: { en: "Site", uk: "Об’єкт" },
  kind: { en: "Kind", uk: "Вид" },
  precision: { en: "Precision", uk: "Точність" },
  place: { en: "Place as announced", uk: "Місце, як оголошено" },
  lead: { en: "Lead", uk: "Провідні" },
  partners: { en: "Partners", uk: "Партнери" },
  shown: { en: "On the map", uk: "На карті" },
  shownAs: {
    city: { en: "marker at the city", uk: "позначка в місті" },
    country: { en: "whole country (hatched)", uk: "уся країна (штрихування)" },
    listed: { en: "listed only", uk: "лише в переліку" },
  },
  noSites: { en: "No published sites.", uk: "Опублікованих об’єктів немає." },
  none: { en: "none", uk: "немає" },
  undisclosedPlace: { en: "undisclosed", uk: "не розголошено" },
  names: {
    ukraine: { en: "UKRAINE", uk: "УКРАЇНА" },
    crimea: { en: "Crimea", uk: "Крим" },
    poland: { en: "Poland", uk: "Польща" },
    belarus: { en: "Belarus", uk: "Білорусь" },
    russia: { en: "Russia", uk: "Росія" },
    moldova: { en: "Moldova", uk: "Молдова" },
    romania: { en: "Romania", uk: "Румунія" },
    blackSea: { en: "Black Sea", uk: "Чорне море" },
  },
  mapAltEurope: {
    en: "Map of Europe: {n} coalition participants coloured by strongest commitment stage on {date}.",
    uk: "Карта Європи: {n} учасників коаліції за найсильнішою стадією зобов’язань на {date}.",
  },
  mapAltUkraine: {
    en: "Map of Ukraine within its internationally recognised borders, including Crimea: {markers} site(s) marked at a city, {country} announced only for the whole country.",
    uk: "Карта України в міжнародно визнаних кордонах, включно з Кримом: {markers} об’єкт(и) позначено в місті, {country} оголошено лише для всієї країни.",
  },
  mapAltContext: {
    en: "Map of Europe showing sites outside Ukraine: {list}.",
    uk: "Карта Європи з об’єктами за межами України: {list}.",
  },
} as const;

/** Fills "{key}" placeholders in a message. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ""));
}
