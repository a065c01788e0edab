// Interface strings shared by every page (navigation, as-of control, downloads, errors).
export const COMMON = {
  siteName: { en: "Security Guarantees Tracker", uk: "Трекер гарантій безпеки" },
  tagline: { en: "Ukraine · Coalition of the Willing", uk: "Україна · Коаліція охочих" },
  skip: { en: "Skip to content", uk: "Перейти до змісту" },
  nav: {
    overview: { en: "Overview", uk: "Огляд" },
    commitments: { en: "Commitments", uk: "Зобов’язання" },
    timeline: { en: "Timeline", uk: "Хронологія" },
    map: { en: "Map", uk: "Карта" },
    polls: { en: "Polls", uk: "Опитування" },
    capacity: { en: "Capacity", uk: "Спроможності" },
    countries: { en: "Countries", uk: "Країни" },
    sources: { en: "Sources", uk: "Джерела" },
    search: { en: "Search", uk: "Пошук" },
  },
  switchTo: { en: "Українською", uk: "In English" },
  asOf: { en: "As of", uk: "Станом на" },
  asOfHelp: {
    en: "Show the state of the world recorded for this date.",
    uk: "Показати стан, зафіксований на цю дату.",
  },
  apply: { en: "Show", uk: "Показати" },
  today: { en: "Today", uk: "Сьогодні" },
  download: { en: "Download this view", uk: "Завантажити цей вигляд" },
  sources: { en: "Sources", uk: "Джерела" },
  unknown: { en: "unknown", uk: "невідомо" },
  badParams: { en: "This view could not be shown", uk: "Цей вигляд неможливо показати" },
  footer: {
    en: "Every fact cites its sources. Claims we could not verify are shown as unverified, never as facts. Data text stays in the language of its source.",
    uk: "Кожен факт має посилання на джерела. Неперевірені твердження позначено як неперевірені. Тексти даних подано мовою джерела.",
  },
} as const;
