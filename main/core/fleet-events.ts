// The typed change events the fleet emits. Faces re-render from `changed`; the notice policy and
// the history listen to the finer-grained ones.
import type {
  Account,
  ActionOutcome,
  ActionRecord,
  Connection,
  DisplayState,
  FleetSnapshot,
  Instance,
} from '../../preload/models.js';

export interface FleetEvents extends Record<string, unknown> {
  /** Anything changed: a new snapshot to show. */
  changed: FleetSnapshot;
  instanceAdded: { instance: Instance; initial: boolean };
  instanceRemoved: { instance: Instance };
  /** Vast's state moved (pending overlays are not state changes). */
  stateChanged: { instance: Instance; from: DisplayState; to: DisplayState };
  actionStarted: { record: ActionRecord };
  /** Every action ends here exactly once: done, queued or failed. */
  actionFinished: { record: ActionRecord; outcome: ActionOutcome; instance: Instance | null };
  accountChanged: { account: Account | null; previous: Account | null };
  connectionChanged: { connection: Connection; previous: Connection };
  /** A queued or slow resume reached running. */
  resumeReady: { instance: Instance; waitedMs: number };
  /** A queued resume has waited `minutes` for a GPU (emitted once per wait). */
  stillWaiting: { instance: Instance; minutes: number };
  historyChanged: ActionRecord[];
}
