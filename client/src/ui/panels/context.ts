/**
 * What a console's panels share: the session to act through, the notices to confirm with, and a few moves
 * between panels (relaying an inbox item opens the share form with it, picking a zone on the map fills the zone
 * forms). Panels render from the RoomView they are given in `update`.
 */
import type { RoomView, RoleInfo, TaskView } from "../../model/view-model.ts";
import type { ExerciseSession } from "../../net/session.ts";
import type { Notices } from "../notices.ts";

export interface PanelContext {
  session: ExerciseSession;
  notices: Notices;
  /** The player's role id. */
  role: string;
  roles: RoleInfo[];
  view(): RoomView;
  /** Opens the share form about this inbox item. */
  relay(itemId: string): void;
  /** Opens the decision or public-message form for this task, its expected topic (and roles) filled in. */
  actOn?(task: TaskView): void;
}

export interface Panel {
  readonly element: HTMLElement;
  update(view: RoomView): void;
  destroy?(): void;
}
