export const SEARCH = {
  title: { en: "Search", uk: "Пошук" },
  label: { en: "Search actors, commitments, events, claims and sources", uk: "Пошук учасників, зобов’язань, подій, тверджень і джерел" },
  button: { en: "Search", uk: "Шукати" },
  prompt: { en: "Type a word such as troops, Paris, Starmer or YouGov.", uk: "Введіть слово, наприклад: війська, Париж, Стармер або YouGov." },
  none: { en: "Nothing matches", uk: "Нічого не знайдено за запитом" },
  results: { en: "results", uk: "результатів" },
  types: {
    actor: { en: "Countries and organisations", uk: "Країни та організації" },
    commitment: { en: "Commitments", uk: "Зобов’язання" },
    event: { en: "Events and statements", uk: "Події та заяви" },
    claim: { en: "Claims and figures", uk: "Твердження та показники" },
    source: { en: "Sources", uk: "Джерела" },
  },
} as const;
