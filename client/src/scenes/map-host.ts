/**
 * What the map scene asks of the page around it, and tells it: the model to draw, the exercise time of each
 * frame, the selected unit, and the picks and hovers it sees. Kept apart from the scene so that code which only
 * talks to the map never imports Phaser (the lobby loads without it).
 */
import type { MapModel, MapPoi, MapUnit, MapZone, Pt } from "../model/map-model.ts";

export type MapPick = { kind: "unit"; unit: MapUnit } | { kind: "point"; at: Pt; zone?: MapZone };

export interface MapHover {
  /** Position in CSS pixels inside the map's container. */
  x: number;
  y: number;
  unit?: MapUnit;
  zone?: MapZone;
  poi?: MapPoi;
}

/** Site metres -> container pixels: screen = offset + metres × scale. */
export interface MapTransform {
  scale: number;
  offsetX: number;
  offsetY: number;
}

export interface MapHost {
  model(): MapModel | undefined;
  /** Bumped whenever the model changes, so the scene redraws only then. */
  version(): number;
  /** Exercise ms for this frame. */
  time(): number;
  selectedUnit(): string | undefined;
  /** Units of this role are drawn larger and picked first. */
  ownRole(): string | undefined;
  /** Large type for the big screen. */
  large(): boolean;
  interactive(): boolean;
  pick(pick: MapPick): void;
  hover(hover: MapHover | undefined): void;
  transformed(transform: MapTransform): void;
  /** Nothing on the map moves: the page may stop the render loop until something changes. */
  idle?(): void;
}
