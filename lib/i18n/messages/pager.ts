// Strings of the pager under long lists (country page, sources).
export const PAGER = {
  label: { en: "Pages of {list}", uk: "Сторінки: {list}" },
  pageOf: { en: "Page {page} of {pages}", uk: "Сторінка {page} з {pages}" },
  showing: { en: "{from}–{to} of {total}", uk: "{from}–{to} з {total}" },
  prev: { en: "Previous", uk: "Попередня" },
  next: { en: "Next", uk: "Наступна" },
  page: { en: "Page {n}", uk: "Сторінка {n}" },
  pastEnd: {
    en: "{param}: this list has {pages} page(s); page {page} does not exist.",
    uk: "{param}: у цьому списку {pages} стор.; сторінки {page} немає.",
  },
} as const;
