// A deterministic synthetic dataset for benchmarks and tests only — never the default database.
// It is built as seed input (the same shape as prisma/seed/*.json) and loaded through the same
// zod schemas and the same loader as the real seed, so it obeys every rule the real data obeys.
// Every record says it is synthetic: slugs start with "synthetic-", sources live on example.org.

export type SyntheticSize = {
  countries: number;
  commitments: number;
  events: number;
  polls: number;
  sites: number;
  claims: number;
  sources: number;
};

/** Ten times today's dataset, as issue 7 defines it. */
export const TEN_TIMES: SyntheticSize = { countries: 50, commitments: 5000, events: 25000, polls: 10000, sites: 70, claims: 540, sources: 1670 };

export const SYNTHETIC_SEED = 20261128;

/** mulberry32: a small, fast, well-distributed 32-bit PRNG; same seed, same dataset. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Real ISO codes so that maps have geometry to draw; the names say the actors are synthetic.
const ISO2 = [
  "GB", "FR", "DE", "PL", "IT", "ES", "NL", "BE", "DK", "SE", "NO", "FI", "EE", "LV", "LT", "CZ", "SK", "HU", "RO", "BG",
  "GR", "PT", "IE", "AT", "HR", "SI", "LU", "IS", "CA", "AU", "NZ", "JP", "TR", "CY", "MT", "AL", "ME", "MK", "MD", "RS",
  "BA", "CH", "GE", "AM", "AZ", "KR", "US", "MX", "BR", "AR", "CL", "IN", "ID", "ZA", "EG", "MA", "TN", "KE", "NG", "SG",
];
const GROUPS = [["EU", "NATO", "EUROPE"], ["NATO", "EUROPE"], ["EU", "EUROPE"], ["NON_EUROPEAN"], ["NATO", "NON_EUROPEAN"]] as const;
const KINDS = [
  "TROOPS", "MILITARY_HUB", "PROTECTED_FACILITY", "HQ_COMMAND", "AIR_POLICING", "MARITIME_DEMINING",
  "TRAINING_REGENERATION", "LOGISTICS", "CEASEFIRE_MONITORING", "FUNDING", "BINDING_GUARANTEE", "REFUSAL",
] as const;
const CONDITIONS = ["AFTER_CEASEFIRE", "AFTER_PEACE_DEAL", "US_BACKSTOP", "PARLIAMENT_VOTE", "OUTSIDE_UKRAINE_ONLY", "CLEAR_MANDATE", "NON_COMBAT_ROLE"] as const;
const LEGAL = ["TREATY", "EXECUTIVE_AGREEMENT", "POLITICAL_DECLARATION", "STATEMENT", "UNKNOWN"] as const;
const APPROVAL = ["NOT_REQUIRED", "REQUIRED", "PROMISED", "PENDING", "APPROVED", "REJECTED", "UNKNOWN"] as const;
const PATHS = [["FLOATED", "ANNOUNCED"], ["ANNOUNCED", "CONDITIONAL_OFFER"], ["CONDITIONAL_OFFER", "FORMALISED", "PARLIAMENT_APPROVED"], ["FLOATED", "RULED_OUT"], ["ANNOUNCED"]] as const;
const EVENT_KINDS = ["SUMMIT", "DECLARATION", "STATEMENT", "VOTE", "REJECTION", "REPORT", "MEETING"] as const;
const WORDING = ["OWN_TROOPS_PEACEKEEPING", "OWN_TROOPS_STABILISATION", "OWN_TROOPS_COMBAT", "ALLIED_TROOPS_IN_UKRAINE", "GENERAL_SUPPORT"] as const;
const SOURCE_KINDS = ["OFFICIAL_TEXT", "OFFICIAL_STATEMENT", "WIRE", "MEDIA", "POLL_PUBLISHER"] as const;
const SITE_KINDS = ["MILITARY_HUB", "PROTECTED_FACILITY", "HQ", "COORDINATION_CELL", "TRAINING_CENTRE", "BASE"] as const;

const START = Date.UTC(2025, 0, 1);
const END = Date.UTC(2026, 10, 20);
const DAY = 86_400_000;

/** Synthetic seed input (see lib/schemas/seed.ts), deterministic for a seed and a size. */
export function syntheticSeed(size: SyntheticSize = TEN_TIMES, seed = SYNTHETIC_SEED): Record<string, unknown[]> {
  if (size.countries > ISO2.length) throw new Error(`At most ${ISO2.length} synthetic countries (asked for ${size.countries}).`);
  const r = prng(seed);
  const int = (n: number) => Math.floor(r() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
  const date = (from = START, to = END) => new Date(from + int(Math.floor((to - from) / DAY)) * DAY).toISOString().slice(0, 10);
  const pad = (n: number, w = 5) => String(n).padStart(w, "0");
  const sourceUrl = (i: number) => `https://example.org/synthetic/source-${pad(i)}`;
  const cite = (n = 2) => {
    const first = int(size.sources);
    return Array.from({ length: n }, (_, k) => ({ url: sourceUrl((first + k * 7) % size.sources), quote: null, note: null }));
  };
  const common = () => ({ confidence: pick(["HIGH", "MEDIUM", "MEDIUM", "LOW"] as const), singleSource: false, citations: cite() });

  const sources = Array.from({ length: size.sources }, (_, i) => ({
    slug: `synthetic-source-${pad(i)}`,
    url: sourceUrl(i),
    outlet: `Synthetic Outlet ${i % 40}`,
    originalOutlet: null,
    author: null,
    title: `Synthetic article ${i}`,
    publishedOn: date(),
    publishedPrecision: "DAY",
    kind: pick(SOURCE_KINDS),
    language: "en",
    accessedOn: null,
  }));

  const countries = ISO2.slice(0, size.countries).map((iso2) => ({
    slug: `synthetic-${iso2.toLowerCase()}`,
    kind: "COUNTRY",
    iso2,
    name: `Synthetic ${iso2}`,
    nameUk: `Синтетична ${iso2}`,
    groups: [...pick(GROUPS)],
    summary: `Synthetic country ${iso2} for benchmarks.`,
    ...common(),
  }));
  const actors = [
    { slug: "synthetic-coalition", kind: "COALITION", iso2: null, name: "Synthetic coalition", nameUk: null, groups: [], summary: null, ...common() },
    ...countries,
  ];
  const participation = countries.map((c) => ({
    slug: `${c.slug}-coalition`,
    actor: c.slug,
    role: pick(["MEMBER", "MEMBER", "OBSERVER", "PARTNER"] as const),
    joinedOn: null,
    firstRecorded: date(),
    leftOn: null,
    note: null,
    ...common(),
  }));

  const commitments = Array.from({ length: size.commitments }, (_, i) => {
    const actor = int(10) === 0 ? actors[0] : pick(countries);
    const path = pick(PATHS);
    let day = START + int(500) * DAY;
    const stages = path.map((stage) => {
      day += (1 + int(60)) * DAY;
      return { stage, date: new Date(Math.min(day, END)).toISOString().slice(0, 10), datePrecision: "DAY", note: null, citations: cite(1) };
    });
    const quantified = r() < 0.5;
    const low = 100 * (1 + int(50));
    return {
      slug: `synthetic-commitment-${pad(i)}`,
      actor: actor.slug,
      kind: pick(KINDS),
      title: `Synthetic commitment ${i} by ${actor.name}`,
      summary: `A synthetic commitment generated for the benchmark (record ${i}).`,
      quantityLow: quantified ? low : null,
      quantityHigh: quantified ? low + 100 * int(5) : null,
      quantityUnit: quantified ? "troops" : null,
      quantityQualifier: quantified ? "RANGE" : null,
      quantityBasis: quantified ? pick(["OFFICIAL", "REPORTED_ESTIMATE"] as const) : null,
      conditions: CONDITIONS.filter(() => r() < 0.2),
      conditionNote: null,
      legalForm: pick(LEGAL),
      parliamentaryApproval: pick(APPROVAL),
      requiredResponse: null,
      stages,
      ...common(),
    };
  });

  const sites = Array.from({ length: size.sites }, (_, i) => {
    const c = pick(countries);
    return {
      slug: `synthetic-site-${pad(i)}`,
      kind: pick(SITE_KINDS),
      name: `Synthetic site ${i}`,
      description: null,
      commitment: commitments[int(commitments.length)].slug,
      precision: "COUNTRY",
      countryIso2: c.iso2,
      region: null,
      city: null,
      latitude: null,
      longitude: null,
      coordinateSignedOffBy: null,
      isContext: false,
      actors: [{ actor: c.slug, role: "LEAD" }],
      ...common(),
    };
  });

  const polls = Array.from({ length: size.polls }, (_, i) => {
    const support = 20 + int(60);
    const oppose = Math.min(100 - support, 10 + int(50));
    return {
      slug: `synthetic-poll-${pad(i)}`,
      pollster: `Synthetic Pollster ${i % 12}`,
      client: null,
      fieldworkStart: null,
      fieldworkEnd: date(),
      fieldworkPrecision: "DAY",
      country: pick(countries).iso2,
      sampleSize: 800 + int(1500),
      mode: pick(["ONLINE", "PHONE", "MIXED"] as const),
      question: `Synthetic question ${i % 30}`,
      questionVerbatim: false,
      wordingClass: pick(WORDING),
      support,
      oppose,
      dontKnow: 100 - support - oppose,
      note: null,
      ...common(),
    };
  });

  const events = Array.from({ length: size.events }, (_, i) => {
    const a = pick(countries);
    return {
      slug: `synthetic-event-${pad(i)}`,
      kind: pick(EVENT_KINDS),
      date: date(),
      datePrecision: "DAY",
      title: `Synthetic event ${i}: ${a.name}`,
      summary: `A synthetic event generated for the benchmark (record ${i}).`,
      location: null,
      speaker: null,
      actors: r() < 0.3 ? [a.slug, pick(countries.filter((c) => c !== a)).slug] : [a.slug],
      commitments: r() < 0.2 ? [commitments[int(commitments.length)].slug] : [],
      ...common(),
    };
  });

  const claims = Array.from({ length: size.claims }, (_, i) => {
    const verification = pick(["CONFIRMED", "REPORTED", "DISPUTED", "UNVERIFIED"] as const);
    return {
    slug: `synthetic-claim-${pad(i)}`,
    kind: "FIGURE",
    statement: `Synthetic figure ${i}.`,
    actor: pick(countries).slug,
    valueLow: 1 + int(1000),
    valueHigh: null,
    valueQualifier: "EXACT",
    unit: "troops",
    asOf: date(),
    asOfPrecision: "DAY",
    verification,
    finding: verification === "CONFIRMED" ? null : `Synthetic finding ${i}.`,
    origin: null,
    ...common(),
    };
  });

  return { sources, actors, participation, commitments, sites, polls, events, claims };
}

/** Scales a size (e.g. for a quick run or a test). */
export function scaled(size: SyntheticSize, factor: number, countries = size.countries): SyntheticSize {
  const n = (x: number) => Math.max(1, Math.round(x * factor));
  return { countries, commitments: n(size.commitments), events: n(size.events), polls: n(size.polls), sites: n(size.sites), claims: n(size.claims), sources: Math.max(10, n(size.sources)) };
}
