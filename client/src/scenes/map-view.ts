/**
 * The map as a page component: a container element that hosts the Phaser canvas (loaded on first use, so screens
 * without a map never download Phaser), a hover tooltip in plain HTML, and the glue between the page's model and
 * the scene. The container carries `data-transform="scale offsetX offsetY"` (metres -> pixels) so tests and tools
 * can point at a place on the site.
 */
import type Phaser from "phaser";
import type { MapModel, Pt } from "../model/map-model.ts";
import { crowdAt, livingCasualties } from "../model/map-model.ts";
import { label, t } from "../i18n/i18n.ts";
import { h, setText, syncList } from "../ui/dom.ts";
import { mapText } from "../model/map-text.ts";
import type { MapHost, MapHover, MapPick, MapTransform } from "./map-host.ts";

export interface MapViewOptions {
  /** Accessible name of the map. */
  label: string;
  interactive: boolean;
  ownRole?: string;
  large?: () => boolean;
  time: () => number;
  onPick?: (pick: MapPick) => void;
  /** Per rendered frame: the time since the previous frame, and the time spent updating and drawing this one. */
  onFrame?: (deltaMs: number, workMs: number) => void;
  /**
   * Phaser renderer. The 2D canvas by default: a situation map is a few hundred flat shapes, which the canvas draws
   * at 60 fps everywhere, while WebGL falls to a few frames a second where it runs in software (virtual machines,
   * remote desktops, machines without GPU drivers: common on municipal laptops). "webgl" is kept for comparison.
   */
  renderer?: "auto" | "webgl" | "canvas";
}

export class MapView {
  readonly element: HTMLElement;
  /** The text alternative of the map, to place under it (a collapsed <details>). */
  readonly textElement: HTMLElement;
  private readonly textList: HTMLElement;
  private readonly textEmpty: HTMLElement;
  private readonly tooltip: HTMLElement;
  private readonly options: MapViewOptions;
  private game: Phaser.Game | undefined;
  private model: MapModel | undefined;
  private modelVersion = 0;
  private selected: string | undefined;
  private transform: MapTransform | undefined;
  private destroyed = false;
  private sleeping = false;
  private stepStarted = 0;
  private lastRendered = 0;
  private readonly resized = new ResizeObserver(() => {
    this.wake();
    // Phaser follows the window's resize events; a container resized alone (a panel opening) needs telling.
    this.game?.scale.refresh();
  });

  constructor(options: MapViewOptions) {
    this.options = options;
    this.tooltip = h("div", { class: "map-tooltip", attrs: { hidden: true, "aria-hidden": "true" } });
    this.element = h("div", {
      class: "map-view",
      attrs: { role: "img", "aria-label": options.label, "data-ready": "0" }
    });
    this.element.appendChild(this.tooltip);
    this.textList = h("ul", { class: "map-text-list" });
    this.textEmpty = h("p", { class: "muted", text: t("map.textEmpty") });
    this.textElement = h("details", { class: "map-text" }, h("summary", { text: t("map.text") }), this.textEmpty, this.textList);
  }

  /** Loads Phaser and starts drawing; call once the element is in the page (it takes the element's size). */
  async mount(): Promise<void> {
    if (this.game || this.destroyed) return;
    const [{ default: PhaserLib }, { MapScene }] = await Promise.all([import("phaser"), import("./map-scene.ts")]);
    if (this.destroyed) return;
    const host = this.host();
    this.game = new PhaserLib.Game({
      type: this.options.renderer === "webgl" ? PhaserLib.WEBGL : this.options.renderer === "auto" ? PhaserLib.AUTO : PhaserLib.CANVAS,
      parent: this.element,
      backgroundColor: "#e9edf1",
      banner: false,
      disableContextMenu: true,
      audio: { noAudio: true },
      input: { keyboard: false, gamepad: false },
      scale: {
        mode: PhaserLib.Scale.RESIZE,
        width: Math.max(1, this.element.clientWidth),
        height: Math.max(1, this.element.clientHeight)
      },
      scene: []
    });
    this.game.scene.add("map", new MapScene(host), true);
    this.resized.observe(this.element);
    if (this.options.onFrame) {
      // Work per frame: from the start of the game step to the end of rendering (WebGL calls issued).
      this.game.events.on(PhaserLib.Core.Events.PRE_STEP, () => (this.stepStarted = performance.now()));
      this.game.events.on(PhaserLib.Core.Events.POST_RENDER, () => {
        const now = performance.now();
        // The real interval between rendered frames (Phaser's own delta is smoothed).
        if (this.lastRendered > 0) this.options.onFrame?.(now - this.lastRendered, now - this.stepStarted);
        this.lastRendered = now;
      });
    }
  }

  /** The Phaser game, once mounted (for the benchmark's diagnostics). */
  phaserGame(): Phaser.Game | undefined {
    return this.game;
  }

  /** Restarts the render loop after an idle stretch (a change to draw, a resize, a new selection). */
  wake(): void {
    if (!this.sleeping || !this.game) return;
    this.sleeping = false;
    this.game.loop.wake();
  }

  setModel(model: MapModel): void {
    this.model = model;
    this.modelVersion++;
    this.wake();
    const lines = mapText(model, this.options.time());
    this.textEmpty.hidden = lines.length > 0;
    syncList(
      this.textList,
      lines,
      (line) => line.key,
      (line) => line.text,
      (line) => h("li", { text: line.text })
    );
  }

  select(unitId: string | undefined): void {
    this.selected = unitId;
    this.wake();
  }

  selectedUnit(): string | undefined {
    return this.selected;
  }

  /** Container pixels of a site point, once the map has been laid out. */
  toPixels(p: Pt): { x: number; y: number } | undefined {
    const tr = this.transform;
    return tr ? { x: tr.offsetX + p[0] * tr.scale, y: tr.offsetY + p[1] * tr.scale } : undefined;
  }

  destroy(): void {
    this.destroyed = true;
    this.resized.disconnect();
    this.game?.destroy(true);
    this.game = undefined;
    this.element.remove();
    this.textElement.remove();
  }

  private host(): MapHost {
    return {
      model: () => this.model,
      version: () => this.modelVersion,
      time: () => this.options.time(),
      selectedUnit: () => this.selected,
      ownRole: () => this.options.ownRole,
      large: () => this.options.large?.() ?? false,
      interactive: () => this.options.interactive,
      pick: (pick) => this.options.onPick?.(pick),
      hover: (hover) => this.showTooltip(hover),
      transformed: (transform) => {
        this.transform = transform;
        this.element.dataset.transform = `${transform.scale} ${transform.offsetX} ${transform.offsetY}`;
        this.element.dataset.ready = "1";
      },
      idle: () => {
        // The benchmark measures frames, so its map never sleeps.
        if (this.options.onFrame || this.sleeping || !this.game) return;
        this.sleeping = true;
        this.game.loop.sleep();
      }
    };
  }

  private showTooltip(hover: MapHover | undefined): void {
    if (!hover) {
      this.tooltip.hidden = true;
      return;
    }
    const lines: string[] = [];
    if (hover.poi) lines.push(hover.poi.name);
    if (hover.unit) {
      const u = hover.unit;
      lines.push(t("map.unitTip", { name: u.name, type: label("unitType", u.type), status: label("units.status", u.status) }));
    }
    if (hover.zone) {
      const z = hover.zone;
      lines.push(t("map.zoneTip", { name: z.name, state: label("zoneState", z.state) }));
      const people = crowdAt(z, this.options.time());
      if (people > 0) lines.push(t("zone.crowd", { count: people }));
      const c = z.casualties;
      if (livingCasualties(c) + c.dead > 0) {
        lines.push(
          `${t("zone.casualties")}: ${c.critical} ${label("severity", "critical")}, ${c.serious} ${label("severity", "serious")}, ` +
            `${c.minor} ${label("severity", "minor")}, ${c.dead} ${label("severity", "dead")}`
        );
      }
      if (z.cordon) lines.push(`${t("zone.level")}: ${label("cordon", z.cordon)}`);
    }
    setText(this.tooltip, lines.join("\n"));
    this.tooltip.hidden = false;
    const right = hover.x > this.element.clientWidth / 2;
    this.tooltip.style.left = right ? "" : `${hover.x + 14}px`;
    this.tooltip.style.right = right ? `${this.element.clientWidth - hover.x + 14}px` : "";
    this.tooltip.style.top = `${Math.max(4, hover.y + 14)}px`;
  }
}
