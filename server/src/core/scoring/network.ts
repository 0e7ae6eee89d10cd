/**
 * The communication network among the scenario's roles: who sent messages to whom, which roles stayed isolated,
 * and how fragmented the team was (F in the brief; definitions in scorecard.ts, NetworkMeasures). It is over roles
 * only (at most 30), so all-pairs breadth-first search is cheap whatever the log's length.
 */
import { refTo } from "./event-ref.ts";
import type { MessageFact } from "./log-facts.ts";
import type { NetworkEdge, NetworkMeasures } from "./scorecard.ts";
import { roundTo } from "./stats.ts";

export interface Network extends NetworkMeasures {
  /** Unrounded F and harmonic reach per role index, for scoring. */
  exactFragmentation: number | null;
  exactHarmonic: number[];
}

export function measureNetwork(roles: readonly string[], messages: readonly MessageFact[]): Network {
  const n = roles.length;
  // Pairs of roles are indexed u * n + v (flat arrays, not a Map or nested arrays: one lookup per recipient).
  const adjacent = new Uint8Array(n * n);
  const sent = new Array<number>(n).fill(0);
  const received = new Array<number>(n).fill(0);
  const edgeOf: (NetworkEdge | undefined)[] = new Array<NetworkEdge | undefined>(n * n);
  const edges: NetworkEdge[] = [];
  for (let i = 0; i < messages.length; i++) {
    const message = messages[i]!;
    const from = message.from;
    const seq = message.event.seq;
    sent[from]!++;
    for (let k = 0; k < message.to.length; k++) {
      const to = message.to[k]!;
      received[to]!++;
      adjacent[from * n + to] = 1;
      adjacent[to * n + from] = 1;
      const a = Math.min(from, to);
      const b = Math.max(from, to);
      let edge = edgeOf[a * n + b];
      if (!edge) {
        edge = { a: roles[a]!, b: roles[b]!, aToB: 0, bToA: 0, seqs: [], first: refTo(message.event, roles[from]) };
        edgeOf[a * n + b] = edge;
        edges.push(edge);
      }
      if (from === a) edge.aToB++;
      else edge.bToA++;
      if (edge.seqs[edge.seqs.length - 1] !== seq) edge.seqs.push(seq);
    }
  }

  const harmonic = new Array<number>(n).fill(0);
  const degree = new Array<number>(n).fill(0);
  let total = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) if (adjacent[i * n + j] === 1) degree[i]!++;
    // Breadth-first search from i: Σ 1/d over reachable roles.
    const distance = new Array<number>(n).fill(-1);
    distance[i] = 0;
    const queue = [i];
    let sum = 0;
    for (let head = 0; head < queue.length; head++) {
      const u = queue[head]!;
      for (let v = 0; v < n; v++) {
        if (adjacent[u * n + v] === 0 || distance[v] !== -1) continue;
        distance[v] = distance[u]! + 1;
        sum += 1 / distance[v]!;
        queue.push(v);
      }
    }
    harmonic[i] = n > 1 ? sum / (n - 1) : 0;
    total += sum;
  }
  const fragmentation = n > 1 ? 1 - total / (n * (n - 1)) : null;
  const sortedEdges = edges.sort((p, q) => (p.a === q.a ? (p.b < q.b ? -1 : 1) : p.a < q.a ? -1 : 1));

  return {
    roles: [...roles],
    messages: messages.length,
    edges: sortedEdges,
    isolated: roles.filter((_, i) => degree[i] === 0),
    fragmentation: fragmentation === null ? null : roundTo(fragmentation, 4),
    reach: roles.map((role, i) => ({
      role,
      harmonic: roundTo(harmonic[i]!, 4),
      degree: degree[i]!,
      sent: sent[i]!,
      received: received[i]!
    })),
    exactFragmentation: fragmentation,
    exactHarmonic: harmonic
  };
}
