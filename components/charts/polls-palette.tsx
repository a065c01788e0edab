// Country colours for the poll charts (Okabe–Ito based, distinct under common colour-vision
// deficiencies), with lighter variants for dark mode. Always paired with a text label.
export const COUNTRY_FILL = [
  "fill-[#0072b2] dark:fill-[#56b4e9]",
  "fill-[#d55e00] dark:fill-[#f39a5b]",
  "fill-[#009e73] dark:fill-[#4fd1a5]",
  "fill-[#b8488a] dark:fill-[#e3a6c8]",
  "fill-[#8a6d00] dark:fill-[#e6c44d]",
  "fill-[#5b4ea8] dark:fill-[#b0a4f0]",
  "fill-[#4d5866] dark:fill-[#c3ccd6]",
  "fill-[#a0522d] dark:fill-[#e0a080]",
] as const;
export const COUNTRY_STROKE = [
  "stroke-[#0072b2] dark:stroke-[#56b4e9]",
  "stroke-[#d55e00] dark:stroke-[#f39a5b]",
  "stroke-[#009e73] dark:stroke-[#4fd1a5]",
  "stroke-[#b8488a] dark:stroke-[#e3a6c8]",
  "stroke-[#8a6d00] dark:stroke-[#e6c44d]",
  "stroke-[#5b4ea8] dark:stroke-[#b0a4f0]",
  "stroke-[#4d5866] dark:stroke-[#c3ccd6]",
  "stroke-[#a0522d] dark:stroke-[#e0a080]",
] as const;
export const SUPPORT_FILL = "fill-[#1f5fa8] dark:fill-[#7fb2f0]";
export const OPPOSE_FILL = "fill-[#b85400] dark:fill-[#f2a154]";
