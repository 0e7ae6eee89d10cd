/**
 * The situation map, drawn with Phaser from a plain MapModel: zones coloured by state with their cordons, crowd
 * density as dots, casualty badges, roads (closed ones struck through), points of interest, markers from injects,
 * and units moving along their dispatch line in exercise time.
 *
 * Cost control: everything but the units is redrawn only when the model changes (or an evacuation thins a crowd,
 * twice a second); units are batched sprites placed every frame; labels are Text objects created per change.
 */
import Phaser from "phaser";
import type { MapModel, MapZone, Pt } from "../model/map-model.ts";
import { crowdAt, livingCasualties, unitPositionAt, zoneAtPoint } from "../model/map-model.ts";
import { containsPoint } from "../../../server/src/core/engine/geometry.ts";
import type { MapHost, MapTransform } from "./map-host.ts";
import {
  AGENCY_STYLE,
  CORDON_LINE,
  FONT_STACK,
  GRID_LINE,
  MAP_BACKGROUND,
  MARKER_STYLE,
  POI_COLOR,
  ROAD_CLOSED,
  ROAD_OPEN,
  SITE_GROUND,
  TEXT_DARK,
  TEXT_HALO,
  ZONE_FILL,
  ZONE_OUTLINE,
  agencyStyle
} from "./map-style.ts";
import type { UnitShape } from "./map-style.ts";

const PADDING = 16;
const UNIT_TEXTURE = 32;
const CROWD_REDRAW_MS = 500;
const MAX_CROWD_DOTS = 90;
const PEOPLE_PER_DOT = 12;

function hashString(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

/** A small seeded generator: crowd dots must not jump around between redraws. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class MapScene extends Phaser.Scene {
  private readonly host: MapHost;
  private transform: MapTransform = { scale: 1, offsetX: 0, offsetY: 0 };
  private drawnVersion = -1;
  /** The site size the transform was computed for. */
  private layoutKey = "";
  private lastCrowdDraw = 0;
  private ground!: Phaser.GameObjects.Graphics;
  private zones!: Phaser.GameObjects.Graphics;
  private crowd!: Phaser.GameObjects.Graphics;
  private roads!: Phaser.GameObjects.Graphics;
  private overlay!: Phaser.GameObjects.Graphics;
  private trails!: Phaser.GameObjects.Graphics;
  private labels: Phaser.GameObjects.Text[] = [];
  private readonly unitSprites = new Map<string, Phaser.GameObjects.Image>();
  private readonly crowdDots = new Map<string, Pt[]>();
  private selection!: Phaser.GameObjects.Graphics;
  /** The still part of the picture (ground, zones, crowds, roads, cordons, labels) baked into one image. */
  private baked: Phaser.GameObjects.RenderTexture | undefined;
  private bakeFailed = false;

  constructor(host: MapHost) {
    super({ key: "map" });
    this.host = host;
  }

  create(): void {
    this.cameras.main.setBackgroundColor(MAP_BACKGROUND);
    for (const [kind, style] of Object.entries(AGENCY_STYLE)) this.makeUnitTexture(`unit-${kind}`, style.color, style.shape);
    this.ground = this.add.graphics().setDepth(0);
    this.zones = this.add.graphics().setDepth(1);
    this.crowd = this.add.graphics().setDepth(2);
    this.roads = this.add.graphics().setDepth(3);
    this.overlay = this.add.graphics().setDepth(4);
    this.trails = this.add.graphics().setDepth(6);
    this.selection = this.add.graphics().setDepth(9);

    this.scale.on(Phaser.Scale.Events.RESIZE, () => this.relayout());
    this.input.on(Phaser.Input.Events.POINTER_DOWN, (pointer: Phaser.Input.Pointer) => this.onPointerDown(pointer));
    this.input.on(Phaser.Input.Events.POINTER_MOVE, (pointer: Phaser.Input.Pointer) => this.onPointerMove(pointer));
    this.input.on(Phaser.Input.Events.GAME_OUT, () => this.host.hover(undefined));
    this.relayout();
  }

  override update(): void {
    const model = this.host.model();
    if (!model) return;
    const x = this.host.time();
    if (this.layoutKey !== `${model.width}x${model.height}`) this.relayout();
    const evacuating = model.zones.some((z) => z.evacuationStart >= 0 && x < z.evacuationComplete);
    let changed = false;
    if (this.host.version() !== this.drawnVersion) {
      this.drawnVersion = this.host.version();
      this.drawModel(model, x);
      this.bake();
      changed = true;
    } else if (evacuating && this.time.now - this.lastCrowdDraw > CROWD_REDRAW_MS) {
      this.drawCrowd(model, x);
      this.bake();
    }
    this.placeUnits(model, x);
    // A still picture needs no more frames: let the page stop the loop (it wakes it on the next change).
    const moving = model.units.some((u) => u.status === "moving" && x < u.arriveAt);
    if (!changed && !moving && !evacuating) this.host.idle?.();
  }

  // ---- layout ----

  private relayout(): void {
    const model = this.host.model();
    const { width, height } = this.scale.gameSize;
    if (!model || width <= 0 || height <= 0) return;
    this.layoutKey = `${model.width}x${model.height}`;
    const scale = Math.max(0.01, Math.min((width - 2 * PADDING) / model.width, (height - 2 * PADDING) / model.height));
    this.transform = {
      scale,
      offsetX: (width - model.width * scale) / 2,
      offsetY: (height - model.height * scale) / 2
    };
    this.host.transformed(this.transform);
    this.drawnVersion = -1;
  }

  private sx(x: number): number {
    return this.transform.offsetX + x * this.transform.scale;
  }

  private sy(y: number): number {
    return this.transform.offsetY + y * this.transform.scale;
  }

  private toMetres(px: number, py: number): Pt {
    return [(px - this.transform.offsetX) / this.transform.scale, (py - this.transform.offsetY) / this.transform.scale];
  }

  /** Type and symbols grow with the map (a 1080p screen reads from further away) and in large-type mode. */
  private sizeFactor(): number {
    const height = this.scale.gameSize.height;
    return Math.min(1.6, Math.max(1, height / 650)) * (this.host.large() ? 1.5 : 1);
  }

  private fontPx(base: number): number {
    return Math.round(base * this.sizeFactor());
  }

  // ---- drawing ----

  private drawModel(model: MapModel, x: number): void {
    this.drawGround(model);
    this.drawZones(model);
    this.drawCrowd(model, x);
    this.drawRoads(model);
    this.drawOverlay(model);
    this.drawLabels(model);
  }

  private drawGround(model: MapModel): void {
    const g = this.ground.clear();
    g.fillStyle(SITE_GROUND, 1).fillRect(this.sx(0), this.sy(0), model.width * this.transform.scale, model.height * this.transform.scale);
    // A 50 m grid gives a sense of distance without a scale bar.
    g.lineStyle(1, GRID_LINE, 1);
    for (let m = 50; m < model.width; m += 50) g.lineBetween(this.sx(m), this.sy(0), this.sx(m), this.sy(model.height));
    for (let m = 50; m < model.height; m += 50) g.lineBetween(this.sx(0), this.sy(m), this.sx(model.width), this.sy(m));
    g.lineStyle(2, ZONE_OUTLINE, 0.6).strokeRect(this.sx(0), this.sy(0), model.width * this.transform.scale, model.height * this.transform.scale);
  }

  private tracePolygon(g: Phaser.GameObjects.Graphics, polygon: readonly Pt[]): void {
    g.beginPath();
    polygon.forEach(([px, py], i) => (i === 0 ? g.moveTo(this.sx(px), this.sy(py)) : g.lineTo(this.sx(px), this.sy(py))));
    g.closePath();
  }

  private drawZones(model: MapModel): void {
    const g = this.zones.clear();
    // Largest first, so that a small zone inside a big one stays visible.
    const ordered = [...model.zones].sort((a, b) => b.area - a.area);
    for (const zone of ordered) {
      const fill = ZONE_FILL[zone.state] ?? ZONE_FILL.normal!;
      g.fillStyle(fill.color, fill.alpha);
      this.tracePolygon(g, zone.polygon);
      g.fillPath();
      g.lineStyle(1.5, ZONE_OUTLINE, 0.9);
      this.tracePolygon(g, zone.polygon);
      g.strokePath();
    }
  }

  private dotsFor(zone: MapZone): Pt[] {
    let dots = this.crowdDots.get(zone.id);
    if (dots) return dots;
    dots = [];
    const random = mulberry32(hashString(zone.id));
    const xs = zone.polygon.map((p) => p[0]);
    const ys = zone.polygon.map((p) => p[1]);
    const minX = Math.min(...xs);
    const minY = Math.min(...ys);
    const w = Math.max(...xs) - minX;
    const h = Math.max(...ys) - minY;
    for (let tries = 0; dots.length < MAX_CROWD_DOTS && tries < MAX_CROWD_DOTS * 8; tries++) {
      const p: Pt = [minX + random() * w, minY + random() * h];
      if (containsPoint(zone.shape, p)) dots.push(p);
    }
    this.crowdDots.set(zone.id, dots);
    return dots;
  }

  private drawCrowd(model: MapModel, x: number): void {
    this.lastCrowdDraw = this.time.now;
    const g = this.crowd.clear();
    g.fillStyle(0x2c3e50, 0.55);
    const radius = Math.max(1.2, Math.min(2.5, this.transform.scale * 1.2));
    for (const zone of model.zones) {
      const people = crowdAt(zone, x);
      if (people <= 0) continue;
      const dots = this.dotsFor(zone);
      const n = Math.min(dots.length, Math.max(1, Math.round(people / PEOPLE_PER_DOT)));
      for (let i = 0; i < n; i++) g.fillCircle(this.sx(dots[i]![0]), this.sy(dots[i]![1]), radius);
    }
  }

  private strokePath(g: Phaser.GameObjects.Graphics, path: readonly Pt[]): void {
    g.beginPath();
    path.forEach(([px, py], i) => (i === 0 ? g.moveTo(this.sx(px), this.sy(py)) : g.lineTo(this.sx(px), this.sy(py))));
    g.strokePath();
  }

  private drawRoads(model: MapModel): void {
    const g = this.roads.clear();
    const width = Math.max(3, Math.min(9, this.transform.scale * 4));
    for (const route of model.routes) {
      if (route.open) {
        g.lineStyle(width, route.kind === "footpath" ? 0xb7c2cc : ROAD_OPEN, 0.85);
        this.strokePath(g, route.path);
        continue;
      }
      g.lineStyle(width, ROAD_CLOSED, 0.9);
      this.strokePath(g, route.path);
      // A cross every ~60 px says "closed" without relying on the colour alone.
      for (let i = 1; i < route.path.length; i++) {
        const [ax, ay] = route.path[i - 1]!;
        const [bx, by] = route.path[i]!;
        const length = Math.hypot(this.sx(bx) - this.sx(ax), this.sy(by) - this.sy(ay));
        const crosses = Math.max(1, Math.floor(length / 60));
        for (let c = 0; c < crosses; c++) {
          const f = (c + 0.5) / crosses;
          const cx = this.sx(ax + (bx - ax) * f);
          const cy = this.sy(ay + (by - ay) * f);
          const s = width * 1.2;
          g.lineStyle(2.5, 0xffffff, 1);
          g.lineBetween(cx - s, cy - s, cx + s, cy + s);
          g.lineBetween(cx - s, cy + s, cx + s, cy - s);
        }
      }
    }
  }

  /** Cordons (dashed, by level), points of interest and markers. */
  private drawOverlay(model: MapModel): void {
    const g = this.overlay.clear();
    for (const zone of model.zones) {
      if (!zone.cordon) continue;
      const color = CORDON_LINE[zone.cordon] ?? CORDON_LINE.outer!;
      this.dashedPolygon(g, zone.polygon, color, zone.cordon === "hot" ? 4 : 3);
    }
    const poiSize = this.fontPx(7);
    for (const poi of model.pois) {
      const px = this.sx(poi.at[0]);
      const py = this.sy(poi.at[1]);
      g.fillStyle(0xffffff, 1).fillCircle(px, py, poiSize + 2);
      g.fillStyle(POI_COLOR, 1);
      g.fillTriangle(px, py - poiSize, px + poiSize, py, px, py + poiSize);
      g.fillTriangle(px, py - poiSize, px - poiSize, py, px, py + poiSize);
    }
    const markerSize = this.fontPx(9);
    for (const marker of model.markers) {
      const style = MARKER_STYLE[marker.kind] ?? MARKER_STYLE.other!;
      const px = this.sx(marker.at[0]);
      const py = this.sy(marker.at[1]);
      g.fillStyle(0xffffff, 1).fillCircle(px, py, markerSize + 2);
      g.fillStyle(style.color, 1).fillCircle(px, py, markerSize);
    }
  }

  private dashedPolygon(g: Phaser.GameObjects.Graphics, polygon: readonly Pt[], color: number, width: number): void {
    g.lineStyle(width, color, 1);
    const dash = 10;
    const gap = 6;
    for (let i = 0; i < polygon.length; i++) {
      const [ax, ay] = polygon[i]!;
      const [bx, by] = polygon[(i + 1) % polygon.length]!;
      const x0 = this.sx(ax);
      const y0 = this.sy(ay);
      const x1 = this.sx(bx);
      const y1 = this.sy(by);
      const length = Math.hypot(x1 - x0, y1 - y0);
      for (let d = 0; d < length; d += dash + gap) {
        const e = Math.min(length, d + dash);
        g.lineBetween(x0 + ((x1 - x0) * d) / length, y0 + ((y1 - y0) * d) / length, x0 + ((x1 - x0) * e) / length, y0 + ((y1 - y0) * e) / length);
      }
    }
  }

  private text(x: number, y: number, content: string, size: number, extra: Phaser.Types.GameObjects.Text.TextStyle = {}): Phaser.GameObjects.Text {
    const label = this.add.text(x, y, content, {
      fontFamily: FONT_STACK,
      fontSize: `${this.fontPx(size)}px`,
      color: TEXT_DARK,
      stroke: TEXT_HALO,
      strokeThickness: 3,
      align: "center",
      ...extra
    });
    label.setResolution(Math.min(2, window.devicePixelRatio || 1));
    this.labels.push(label);
    return label;
  }

  /** Keeps a label only if it does not cover one placed before it (callers place the important ones first). */
  private place(label: Phaser.GameObjects.Text, placed: Phaser.Geom.Rectangle[], always = false): void {
    const bounds = label.getBounds();
    if (!always && placed.some((r) => Phaser.Geom.Rectangle.Overlaps(r, bounds))) {
      label.destroy();
      this.labels.splice(this.labels.indexOf(label), 1);
      return;
    }
    placed.push(bounds);
  }

  private drawLabels(model: MapModel): void {
    for (const label of this.labels) label.destroy();
    this.labels = [];
    const placed: Phaser.Geom.Rectangle[] = [];
    const s = this.transform.scale;
    // Casualties first: they must never be hidden by a name.
    for (const zone of model.zones) {
      const living = livingCasualties(zone.casualties);
      if (living + zone.casualties.dead === 0) continue;
      const parts = [`✚ ${living}`];
      if (zone.casualties.dead > 0) parts.push(`† ${zone.casualties.dead}`);
      const badge = this.text(this.sx(zone.centre[0]), this.sy(zone.centre[1]) + 2, parts.join("  "), 12, {
        color: "#ffffff",
        strokeThickness: 0,
        backgroundColor: "#b71c1c",
        padding: { x: 5, y: 2 },
        fontStyle: "bold"
      })
        .setOrigin(0.5, 0)
        .setDepth(7);
      this.place(badge, placed, true);
    }
    for (const marker of model.markers) {
      const style = MARKER_STYLE[marker.kind] ?? MARKER_STYLE.other!;
      const glyph = this.text(this.sx(marker.at[0]), this.sy(marker.at[1]), style.glyph, 10, { color: "#ffffff", strokeThickness: 0, fontStyle: "bold" })
        .setOrigin(0.5)
        .setDepth(8);
      this.place(glyph, placed, true);
    }
    for (const zone of model.zones) {
      const xs = zone.polygon.map((p) => p[0]);
      const width = (Math.max(...xs) - Math.min(...xs)) * s;
      if (width < 40) continue;
      const name = this.text(this.sx(zone.centre[0]), this.sy(zone.centre[1]), zone.name, 11, { wordWrap: { width: Math.max(60, width - 6) } })
        .setOrigin(0.5, 1)
        .setDepth(5)
        .setAlpha(0.9);
      this.place(name, placed);
    }
    for (const marker of model.markers) {
      if (!marker.label) continue;
      const text = this.text(this.sx(marker.at[0]) + this.fontPx(12), this.sy(marker.at[1]), marker.label, 10, {
        color: "#4a0000",
        align: "left",
        wordWrap: { width: 180 }
      })
        .setOrigin(0, 0.5)
        .setDepth(8);
      this.place(text, placed);
    }
    const right = this.scale.gameSize.width;
    for (const poi of model.pois) {
      // Near the right edge the label goes to the left of its symbol, so it stays on the canvas.
      const flip = this.sx(poi.at[0]) + 160 > right;
      const offset = this.fontPx(10);
      const text = this.text(this.sx(poi.at[0]) + (flip ? -offset : offset), this.sy(poi.at[1]), poi.name, 10, {
        color: "#0d47a1",
        align: flip ? "right" : "left",
        wordWrap: { width: 150 }
      })
        .setOrigin(flip ? 1 : 0, 0.5)
        .setDepth(5);
      this.place(text, placed);
    }
  }

  /**
   * Draws the still layers once into a texture and hides them, so a frame costs one image plus the units instead
   * of thousands of shapes (crowd dots alone can be a couple of thousand). If baking is not possible, the layers
   * simply stay live.
   */
  private bake(): void {
    if (this.bakeFailed) return;
    const layers: (Phaser.GameObjects.Graphics | Phaser.GameObjects.Text)[] = [this.ground, this.zones, this.crowd, this.roads, this.overlay, ...this.labels];
    layers.sort((a, b) => a.depth - b.depth);
    try {
      const { width, height } = this.scale.gameSize;
      if (!this.baked) this.baked = this.add.renderTexture(0, 0, width, height).setOrigin(0, 0).setDepth(0.5);
      else if (this.baked.width !== Math.ceil(width / 2) * 2 || this.baked.height !== Math.ceil(height / 2) * 2) this.baked.resize(width, height);
      for (const layer of layers) layer.setVisible(true);
      this.baked.clear();
      this.baked.draw(layers);
      this.baked.render();
      for (const layer of layers) layer.setVisible(false);
    } catch (error) {
      this.bakeFailed = true;
      this.baked?.destroy();
      this.baked = undefined;
      for (const layer of layers) layer.setVisible(true);
      console.warn("map: drawing without a cached background", error);
    }
  }

  // ---- units ----

  private makeUnitTexture(key: string, color: number, shape: UnitShape): void {
    if (this.textures.exists(key)) return;
    const g = this.make.graphics({ x: 0, y: 0 }, false);
    const c = UNIT_TEXTURE / 2;
    const r = c - 3;
    g.fillStyle(0xffffff, 1);
    this.unitShape(g, shape, c, r + 3);
    g.fillStyle(color, 1);
    this.unitShape(g, shape, c, r);
    g.generateTexture(key, UNIT_TEXTURE, UNIT_TEXTURE);
    g.destroy();
  }

  private unitShape(g: Phaser.GameObjects.Graphics, shape: UnitShape, c: number, r: number): void {
    switch (shape) {
      case "circle":
        g.fillCircle(c, c, r);
        return;
      case "square":
        g.fillRect(c - r * 0.85, c - r * 0.85, r * 1.7, r * 1.7);
        return;
      case "triangle":
        g.fillTriangle(c, c - r, c + r, c + r * 0.8, c - r, c + r * 0.8);
        return;
      case "diamond":
        g.fillTriangle(c, c - r, c + r, c, c, c + r);
        g.fillTriangle(c, c - r, c - r, c, c, c + r);
        return;
      case "hexagon": {
        g.beginPath();
        for (let i = 0; i < 6; i++) {
          const a = (Math.PI / 3) * i;
          if (i === 0) g.moveTo(c + r * Math.cos(a), c + r * Math.sin(a));
          else g.lineTo(c + r * Math.cos(a), c + r * Math.sin(a));
        }
        g.closePath();
        g.fillPath();
        return;
      }
    }
  }

  private unitSize(own: boolean): number {
    const base = 17 * this.sizeFactor();
    return own ? base * 1.15 : base;
  }

  private placeUnits(model: MapModel, x: number): void {
    const own = this.host.ownRole();
    const seen = new Set<string>();
    const trails = this.trails.clear();
    const selected = this.host.selectedUnit();
    const sel = this.selection.clear();
    for (const unit of model.units) {
      seen.add(unit.id);
      let sprite = this.unitSprites.get(unit.id);
      const texture = `unit-${AGENCY_STYLE[unit.roleKind] ? unit.roleKind : "other"}`;
      if (!sprite) {
        sprite = this.add.image(0, 0, texture).setDepth(10);
        this.unitSprites.set(unit.id, sprite);
      } else if (sprite.texture.key !== texture) {
        sprite.setTexture(texture);
      }
      const [mx, my] = unitPositionAt(unit, x);
      const px = this.sx(mx);
      const py = this.sy(my);
      sprite.setPosition(px, py);
      sprite.setDisplaySize(this.unitSize(unit.role === own), this.unitSize(unit.role === own));
      sprite.setAlpha(unit.status === "home" ? 0.75 : 1);
      if (unit.status === "moving" && x < unit.arriveAt) {
        trails.lineStyle(2, agencyStyle(unit.roleKind).color, 0.6);
        trails.lineBetween(px, py, this.sx(unit.to[0]), this.sy(unit.to[1]));
        trails.fillStyle(agencyStyle(unit.roleKind).color, 0.8).fillCircle(this.sx(unit.to[0]), this.sy(unit.to[1]), 3);
      }
      if (unit.id === selected) {
        sel.lineStyle(3, 0x000000, 1).strokeCircle(px, py, this.unitSize(true) * 0.85);
        sel.lineStyle(2, 0xffeb3b, 1).strokeCircle(px, py, this.unitSize(true) * 0.85 + 3);
      }
    }
    for (const [id, sprite] of this.unitSprites) {
      if (!seen.has(id)) {
        sprite.destroy();
        this.unitSprites.delete(id);
      }
    }
  }

  // ---- input ----

  private unitNear(px: number, py: number): MapModel["units"][number] | undefined {
    const model = this.host.model();
    if (!model) return undefined;
    const x = this.host.time();
    const own = this.host.ownRole();
    let best: MapModel["units"][number] | undefined;
    let bestScore = Number.POSITIVE_INFINITY;
    const reach = this.unitSize(true) * 0.75;
    for (const unit of model.units) {
      const [mx, my] = unitPositionAt(unit, x);
      const d = Math.hypot(this.sx(mx) - px, this.sy(my) - py);
      if (d > reach) continue;
      // The player's own units win over others under the pointer.
      const score = d - (unit.role === own ? reach : 0);
      if (score < bestScore) {
        best = unit;
        bestScore = score;
      }
    }
    return best;
  }

  private onPointerDown(pointer: Phaser.Input.Pointer): void {
    const model = this.host.model();
    if (!model || !this.host.interactive()) return;
    const unit = this.unitNear(pointer.x, pointer.y);
    const own = this.host.ownRole();
    if (unit && (unit.role === own || own === undefined) && unit.id !== this.host.selectedUnit()) {
      this.host.pick({ kind: "unit", unit });
      return;
    }
    const at = this.toMetres(pointer.x, pointer.y);
    if (at[0] < 0 || at[1] < 0 || at[0] > model.width || at[1] > model.height) return;
    const zone = zoneAtPoint(model.zones, at);
    this.host.pick({ kind: "point", at, ...(zone ? { zone } : {}) });
  }

  private onPointerMove(pointer: Phaser.Input.Pointer): void {
    const model = this.host.model();
    if (!model) return;
    const unit = this.unitNear(pointer.x, pointer.y);
    const zone = zoneAtPoint(model.zones, this.toMetres(pointer.x, pointer.y));
    const reach = this.fontPx(9);
    const poi = model.pois.find((p) => Math.hypot(this.sx(p.at[0]) - pointer.x, this.sy(p.at[1]) - pointer.y) <= reach);
    if (!unit && !zone && !poi) {
      this.host.hover(undefined);
      return;
    }
    this.host.hover({ x: pointer.x, y: pointer.y, ...(unit ? { unit } : {}), ...(zone ? { zone } : {}), ...(poi ? { poi } : {}) });
  }
}
