// Strings of the polls view (/polls).
export const POLLS = {
  title: { en: "Public opinion on sending troops", uk: "Громадська думка щодо відправлення військ" },
  intro: {
    en: "Poll results by country and over time. Polls asked different questions, so they are grouped by what was asked and never averaged or joined across groups; within a group every poll is its own point.",
    uk: "Результати опитувань за країнами та в часі. Опитування ставили різні запитання, тож їх згруповано за суттю запитання і ніколи не усереднено й не поєднано між групами; у межах групи кожне опитування — окрема точка.",
  },
  filters: { en: "Filter polls", uk: "Фільтр опитувань" },
  countries: { en: "Countries", uk: "Країни" },
  classes: { en: "Question asked", uk: "Суть запитання" },
  apply: { en: "Apply filters", uk: "Застосувати" },
  clear: { en: "Clear filters", uk: "Скинути фільтри" },
  polls: { en: "polls", uk: "опитувань" },
  count: { en: "polls shown", uk: "опитувань показано" },
  fieldworkBy: { en: "fieldwork ended by", uk: "польовий етап завершено до" },
  none: {
    en: "No published poll matches this selection.",
    uk: "Жодне опубліковане опитування не відповідає вибору.",
  },
  classIntro: { en: "What respondents were asked", uk: "Що запитували респондентів" },
  classExplain: {
    OWN_TROOPS_PEACEKEEPING: {
      en: "Whether respondents would support their own country's soldiers being stationed in Ukraine as peacekeepers after a ceasefire or peace deal.",
      uk: "Чи підтримали б респонденти розміщення військових своєї країни в Україні як миротворців після припинення вогню або мирної угоди.",
    },
    OWN_TROOPS_STABILISATION: {
      en: "Whether their own country should take part in a stabilisation or protection mission in Ukraine, usually after the fighting ends.",
      uk: "Чи має їхня країна брати участь у стабілізаційній або захисній місії в Україні, зазвичай після завершення бойових дій.",
    },
    OWN_TROOPS_COMBAT: {
      en: "Whether their own country should send soldiers to fight in Ukraine.",
      uk: "Чи має їхня країна відправити військових воювати в Україні.",
    },
    ALLIED_TROOPS_IN_UKRAINE: {
      en: "Whether respondents (usually in Ukraine) support allied or foreign troops being stationed in Ukraine.",
      uk: "Чи підтримують респонденти (зазвичай в Україні) розміщення військ союзників чи іноземних військ в Україні.",
    },
    GENERAL_SUPPORT: {
      en: "General support for Ukraine (for example, wanting Ukraine to win), not about sending troops. Shown for context only.",
      uk: "Загальна підтримка України (наприклад, бажання перемоги України), а не відправлення військ. Лише для контексту.",
    },
  },
  notPooled: {
    en: "Each row is one poll. Results from different pollsters are not averaged.",
    uk: "Кожен рядок — одне опитування. Результати різних соціологів не усереднюються.",
  },
  notPooledEmbed: {
    en: "Each row is one poll. Polls of different question wordings are not comparable and are never averaged or joined.",
    uk: "Кожен рядок — окреме опитування. Опитування з різними формулюваннями не порівнюються, не усереднюються і не поєднуються.",
  },
  byCountry: { en: "By country", uk: "За країнами" },
  overTime: { en: "Support over time", uk: "Підтримка в часі" },
  overTimeNote: {
    en: "Support by end of fieldwork. A line joins only polls by the same pollster in the same country.",
    uk: "Підтримка за датою завершення польового етапу. Лінія поєднує лише опитування того самого соціолога в тій самій країні.",
  },
  support: { en: "Support", uk: "Підтримують" },
  oppose: { en: "Oppose", uk: "Проти" },
  dontKnow: { en: "Don’t know", uk: "Важко сказати" },
  notPublished: { en: "not published", uk: "не оприлюднено" },
  table: { en: "Every poll", uk: "Усі опитування" },
  tableCaption: {
    en: "Every poll shown, with pollster, fieldwork, sample, mode, question and sources",
    uk: "Усі показані опитування: соціолог, польовий етап, вибірка, метод, запитання та джерела",
  },
  country: { en: "Country", uk: "Країна" },
  pollster: { en: "Pollster", uk: "Соціолог" },
  client: { en: "for", uk: "на замовлення" },
  fieldwork: { en: "Fieldwork", uk: "Польовий етап" },
  sample: { en: "Sample", uk: "Вибірка" },
  mode: { en: "Mode", uk: "Метод" },
  question: { en: "Question", uk: "Запитання" },
  results: { en: "Results", uk: "Результати" },
  verbatim: { en: "word for word", uk: "дослівно" },
  paraphrase: {
    en: "paraphrase: the exact wording was not published",
    uk: "переказ: точне формулювання не оприлюднено",
  },
  note: { en: "Note", uk: "Примітка" },
  chartLabel: { en: "Chart", uk: "Діаграма" },
  unverifiedTitle: { en: "What we could not verify", uk: "Що не вдалося перевірити" },
  unverifiedIntro: {
    en: "These figures appeared in the article this tracker started from. No poll with these results could be found, so they are not drawn with the polls above.",
    uk: "Ці цифри наводилися в статті, з якої почався трекер. Опитування з такими результатами знайти не вдалося, тож їх не показано разом з опитуваннями вище.",
  },
  claim: { en: "The claim", uk: "Твердження" },
  claimed: { en: "Claimed support", uk: "Заявлена підтримка" },
  finding: { en: "What the research found", uk: "Що встановило дослідження" },
  noSource: { en: "No supporting source found.", uk: "Джерела на підтвердження не знайдено." },
  modes: {
    ONLINE: { en: "Online", uk: "Онлайн" },
    PHONE: { en: "Phone", uk: "Телефон" },
    FACE_TO_FACE: { en: "Face to face", uk: "Особисто" },
    MIXED: { en: "Mixed", uk: "Змішаний" },
    UNKNOWN: { en: "unknown", uk: "невідомо" },
  },
  desc: {
    en: "Dot plot: one row per poll, support and opposition in percent.",
    uk: "Точкова діаграма: рядок на опитування, підтримка та протидія у відсотках.",
  },
  legendSupport: { en: "Support (filled dot)", uk: "Підтримують (зафарбована точка)" },
  legendOppose: { en: "Oppose (open dot)", uk: "Проти (порожня точка)" },
  jump: { en: "Details in the table", uk: "Подробиці в таблиці" },
  decimals: {
    en: "Shares are shown as the pollster published them: whole percentages, or one decimal where the pollster gave one.",
    uk: "Частки подано так, як їх оприлюднив соціолог: цілими відсотками або з одним знаком після коми, якщо його дав соціолог.",
  },
  latestPerPollster: {
    en: "Latest poll of each pollster in each country: {shown} of {polls}. Every poll is in the table.",
    uk: "Останнє опитування кожного соціолога в кожній країні: {shown} з {polls}. Усі опитування — в таблиці.",
  },
  latestPerCountry: {
    en: "Too many to draw one row per pollster: the latest poll in each country, {shown} of {polls} by {pollsters}. Every poll is in the table.",
    uk: "Забагато, щоб показати рядок на соціолога: останнє опитування в кожній країні, {shown} з {polls} від {pollsters}. Усі опитування — в таблиці.",
  },
  hiddenCountries: {
    en: "{n} with older polls only in the table.",
    uk: "{n} зі старішими опитуваннями — лише в таблиці.",
  },
  embedCut: {
    en: "The newest {shown} of these {n} rows are drawn here; the live chart has them all.",
    uk: "Тут показано {shown} найновіших із цих {n} рядків; усі — в актуальній версії.",
  },
  everyPoll: { en: "Every poll is its own row: {polls}.", uk: "Кожне опитування — окремий рядок: {polls}." },
  legendDontKnow: { en: "Don’t know", uk: "Важко сказати" },
  barsDesc: {
    en: "One row per poll: a bar of support, opposition and don’t know, with the figures written below it.",
    uk: "Рядок на опитування: смуга підтримки, протидії та «важко сказати» з цифрами під нею.",
  },
  timeTooMany: {
    en: "Not drawn over time: {polls} in {n} pollster and country series are too many to draw legibly. The table lists every poll.",
    uk: "Динаміку не показано: {polls} у {n} серіях за соціологами та країнами забагато, щоб показати їх розбірливо. Таблиця містить усі опитування.",
  },
  pages: { en: "Pages of the poll table", uk: "Сторінки таблиці опитувань" },
  pageOf: { en: "Page {page} of {pages}", uk: "Сторінка {page} з {pages}" },
  prev: { en: "Newer polls", uk: "Новіші опитування" },
  next: { en: "Older polls", uk: "Старіші опитування" },
  rowsOf: { en: "Rows {from}–{to} of {total}", uk: "Рядки {from}–{to} з {total}" },
  noPage: {
    en: "page: there is no page {page}; the table has {pages}.",
    uk: "page: сторінки {page} немає; у таблиці їх {pages}.",
  },
  asOfToday: { en: "Leave empty for today.", uk: "Залиште порожнім для сьогодні." },
} as const;

const PLURAL = {
  polls: { en: { one: "poll", other: "polls" }, uk: { one: "опитування", few: "опитування", many: "опитувань", other: "опитування" } },
  pollsters: { en: { one: "pollster", other: "pollsters" }, uk: { one: "соціолога", few: "соціологів", many: "соціологів", other: "соціолога" } },
  countries: { en: { one: "country", other: "countries" }, uk: { one: "країна", few: "країни", many: "країн", other: "країни" } },
  pages: { en: { one: "page", other: "pages" }, uk: { one: "сторінка", few: "сторінки", many: "сторінок", other: "сторінки" } },
} as const;

/** "21 polls", "21 опитування", "5 опитувань": a count with its noun, by Intl.PluralRules. */
export function countOf(n: number, noun: keyof typeof PLURAL, lang: "en" | "uk"): string {
  const forms = PLURAL[noun][lang] as Record<string, string>;
  const cat = new Intl.PluralRules(lang === "uk" ? "uk" : "en").select(n);
  return `${n.toLocaleString(lang === "uk" ? "uk-UA" : "en-GB")} ${forms[cat] ?? forms.other}`;
}
