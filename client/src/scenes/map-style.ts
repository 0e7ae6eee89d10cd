/**
 * How the map looks: colours and shapes for zone states, cordon levels, agencies and markers. Light ground and
 * strong outlines, so the picture survives a washed-out projector; agencies differ by shape as well as colour.
 */
export const MAP_BACKGROUND = 0xe9edf1;
export const SITE_GROUND = 0xfbfcfc;
export const GRID_LINE = 0xdfe4e8;
export const ZONE_OUTLINE = 0x4d5b69;
export const TEXT_DARK = "#17202a";
export const TEXT_HALO = "#ffffff";

/** Fill colour and opacity per zone state. */
export const ZONE_FILL: Record<string, { color: number; alpha: number }> = {
  normal: { color: 0xd5dde5, alpha: 0.55 },
  incident: { color: 0xff8c1a, alpha: 0.6 },
  hot: { color: 0xd62828, alpha: 0.55 },
  warm: { color: 0xf4a259, alpha: 0.55 },
  cold: { color: 0x5dade2, alpha: 0.45 },
  cordoned: { color: 0x8e6cbf, alpha: 0.45 },
  evacuating: { color: 0xf7dc6f, alpha: 0.6 },
  evacuated: { color: 0xa9c5a0, alpha: 0.5 },
  closed: { color: 0x6c7a89, alpha: 0.55 }
};

/** Cordon line colour per level. */
export const CORDON_LINE: Record<string, number> = {
  hot: 0xb00020,
  warm: 0xe67e00,
  cold: 0x1565c0,
  outer: 0x37474f
};

export type UnitShape = "circle" | "square" | "triangle" | "diamond" | "hexagon";

/** Agency kind -> symbol on the map. */
export const AGENCY_STYLE: Record<string, { color: number; css: string; shape: UnitShape }> = {
  police: { color: 0x1f4fd1, css: "#1f4fd1", shape: "circle" },
  "fire-ems": { color: 0xc0392b, css: "#c0392b", shape: "square" },
  municipality: { color: 0x1e8449, css: "#1e8449", shape: "triangle" },
  communication: { color: 0x7d3c98, css: "#7d3c98", shape: "diamond" },
  other: { color: 0x515a5a, css: "#515a5a", shape: "hexagon" }
};

export function agencyStyle(kind: string): { color: number; css: string; shape: UnitShape } {
  return AGENCY_STYLE[kind] ?? AGENCY_STYLE.other!;
}

/** Marker kind -> colour and glyph drawn inside a round badge. */
export const MARKER_STYLE: Record<string, { color: number; glyph: string }> = {
  incident: { color: 0xb00020, glyph: "!" },
  vehicle: { color: 0x263238, glyph: "V" },
  suspect: { color: 0x6a1b9a, glyph: "S" },
  "suspicious-item": { color: 0xe65100, glyph: "?" },
  casualties: { color: 0xc62828, glyph: "+" },
  fire: { color: 0xff6f00, glyph: "F" },
  smoke: { color: 0x616161, glyph: "~" },
  crowd: { color: 0x455a64, glyph: "C" },
  drone: { color: 0x00838f, glyph: "D" },
  rumour: { color: 0x8e24aa, glyph: "R" },
  other: { color: 0x37474f, glyph: "•" }
};

export const ROAD_OPEN = 0x8c99a6;
export const ROAD_CLOSED = 0xc62828;
export const POI_COLOR = 0x0d47a1;

export const FONT_STACK = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif';
