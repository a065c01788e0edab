// Width classes: a chart is laid out, not scaled. Each view has a layout per class, and CSS
// container queries (components/charts/responsive.tsx) show the one that fits the container the
// chart is placed in — the page's column or the embed's frame — with no JavaScript.

export const WIDTH_CLASSES = ["narrow", "medium", "wide"] as const;
export type WidthClass = (typeof WIDTH_CLASSES)[number];
export type PerWidth<T> = Record<WidthClass, T>;

/**
 * Container widths (CSS px) of each class and the width its layout is drawn at. A layout's SVG is
 * shown 1:1 at its design width and only grows above it, so text drawn at ≥ MIN_TEXT_PX in the
 * layout is at least that size on screen for every container of the class (narrow: from 320 px).
 */
export const WIDTH: Record<WidthClass, { min: number; max: number; design: number }> = {
  narrow: { min: 0, max: 480, design: 320 },
  medium: { min: 481, max: 880, design: 480 },
  wide: { min: 881, max: Infinity, design: 880 },
};

/** Smallest text a reader is shown, in CSS px as drawn. */
export const MIN_TEXT_PX = 11;

/** Width-class parameter values accepted in URLs (`w=narrow`), for downloads of one layout. */
export const WIDTH_PARAM = WIDTH_CLASSES;

/** A value for each width class. */
export function perWidth<T>(f: (w: WidthClass) => T): PerWidth<T> {
  return { narrow: f("narrow"), medium: f("medium"), wide: f("wide") };
}

/** The class a container of `px` CSS pixels falls in. */
export function widthClassOf(px: number): WidthClass {
  return px <= WIDTH.narrow.max ? "narrow" : px <= WIDTH.medium.max ? "medium" : "wide";
}
