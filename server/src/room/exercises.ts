/**
 * Opening exercises: a new one from a validated scenario (recorded in the store, then given its room), and, at
 * start-up, every unfinished exercise the store holds, each in a room rebuilt from its log.
 */
import { randomInt } from "node:crypto";
import { matchMaker } from "@colyseus/core";
import { nanoid } from "nanoid";
import { ExerciseRunner } from "../core/engine/index.ts";
import type { Scenario } from "../core/scenario/schema.ts";
import { localise } from "../core/scenario/localise.ts";
import type { EventStore } from "../store/event-store.ts";
import { newJoinCode } from "../store/join-code.ts";
import { hashSecret, newSecret } from "../store/secret.ts";
import type { Logger } from "./context.ts";
import type { ExerciseRoomOptions } from "./exercise-room.ts";
import { EXERCISE_ROOM } from "./exercise-room.ts";

export interface OpenedExercise {
  exerciseId: string;
  joinCode: string;
  facilitatorSecret: string;
}

function freshJoinCode(store: EventStore): string {
  for (let i = 0; i < 20; i++) {
    const code = newJoinCode();
    if (!store.findByJoinCode(code)) return code;
  }
  throw new Error("could not find a free join code");
}

/** Records a new exercise of `scenario` (already validated) and opens its room. */
export async function openExercise(store: EventStore, scenario: Scenario, language: string): Promise<OpenedExercise> {
  const exerciseId = nanoid(16);
  const joinCode = freshJoinCode(store);
  const facilitatorSecret = newSecret();
  const now = Date.now();
  const { events } = ExerciseRunner.create({ exerciseId, scenario, language, seed: randomInt(2 ** 31), wallMs: now });
  store.createExercise(
    {
      id: exerciseId,
      joinCode,
      secretHash: hashSecret(facilitatorSecret),
      scenarioId: scenario.id,
      title: localise(scenario.title, language),
      language,
      createdAt: now
    },
    events
  );
  const options: ExerciseRoomOptions = { exerciseId, joinCode };
  await matchMaker.createRoom(EXERCISE_ROOM, options);
  return { exerciseId, joinCode, facilitatorSecret };
}

/** Reopens every unfinished exercise; one that cannot be restored is logged and does not stop the others. */
export async function restoreExercises(store: EventStore, log: Logger): Promise<number> {
  let restored = 0;
  for (const record of store.listUnfinished()) {
    try {
      const options: ExerciseRoomOptions = { exerciseId: record.id, joinCode: record.joinCode };
      await matchMaker.createRoom(EXERCISE_ROOM, options);
      restored++;
    } catch (error) {
      log.error(`could not restore exercise ${record.id} (${record.joinCode})`, error);
    }
  }
  return restored;
}
