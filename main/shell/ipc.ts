// The IPC face of the commands table. One `handle(channel, schema, fn)` wrapper: it refuses any
// sender that is not the top frame of one of our windows showing one of our pages, validates the
// argument before anything else sees it, and always answers with a result object — a raw error
// never crosses to the renderer. Events go only to the pages that subscribed to them.
import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { z } from 'zod';
import {
  COMMANDS,
  COMMAND_NAMES,
  EVENTS,
  SUBSCRIBE_CHANNEL,
  SubscribeMessageSchema,
  type EventName,
  type EventPayload,
  type Result,
} from '../../preload/contract.js';
import { describeZodError, errorResult, type CommandHandlers } from '../commands.js';
import { ownPage, type PageSource } from './pages.js';
import type { OwnWindows } from './windows.js';

type SenderEvent = Pick<IpcMainInvokeEvent | IpcMainEvent, 'sender' | 'senderFrame'>;

/** Is this message from the top frame of one of our windows, showing one of our pages? */
export function isTrustedSender(event: SenderEvent, windows: OwnWindows, pages: PageSource): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  if (!windows.owns(event.sender)) return false;
  const main = event.sender.mainFrame;
  if (frame !== main && frame.frameTreeNodeId !== main.frameTreeNodeId) return false;
  return ownPage(pages, frame.url) !== null;
}

export const FORBIDDEN: Result<never> = { ok: false, code: 'forbidden', message: 'This page may not talk to Vast Tray.' };

export class IpcServer {
  private readonly channels: string[] = [];
  private readonly subscribers = new Map<WebContents, Set<EventName>>();
  private readonly onSubscribe = (event: IpcMainEvent, message: unknown): void => this.subscribe(event, message);

  constructor(private readonly isTrusted: (event: SenderEvent) => boolean) {
    ipcMain.on(SUBSCRIBE_CHANNEL, this.onSubscribe);
  }

  /** Serves one channel: trusted sender, valid argument, result object — in that order. */
  handle<S extends z.ZodType, T>(channel: string, schema: S, fn: (input: z.output<S>) => Promise<Result<T>>): void {
    ipcMain.handle(channel, async (event, ...args: unknown[]): Promise<Result<T>> => {
      try {
        if (!this.isTrusted(event)) {
          console.warn(`[vast-tray] refused ${channel} from ${event.senderFrame?.url ?? 'a closed frame'}`);
          return FORBIDDEN;
        }
        if (args.length > 1) return { ok: false, code: 'invalid_input', message: 'Expected at most one argument.' };
        const parsed = schema.safeParse(args[0]);
        if (!parsed.success) return { ok: false, code: 'invalid_input', message: describeZodError(parsed.error) };
        return await fn(parsed.data);
      } catch (error) {
        // Whatever went wrong (the guard included), the renderer gets a result, never a raw error.
        return errorResult(error, channel);
      }
    });
    this.channels.push(channel);
  }

  /** Every command of the contract, each on its channel. */
  serveCommands(handlers: CommandHandlers): void {
    for (const name of COMMAND_NAMES) {
      const run = handlers[name] as (input: unknown) => Promise<Result<unknown>>;
      this.handle(COMMANDS[name].channel, COMMANDS[name].input, (input) => run(input));
    }
  }

  /** Sends an event to the pages that asked for it. */
  publish<K extends EventName>(name: K, payload: EventPayload<K>): void {
    for (const [contents, events] of this.subscribers) {
      if (contents.isDestroyed()) {
        this.subscribers.delete(contents);
      } else if (events.has(name)) {
        contents.send(EVENTS[name].channel, payload);
      }
    }
  }

  /** Which events these contents receive (for tests and diagnostics). */
  subscriptions(contents: WebContents): ReadonlySet<EventName> {
    return this.subscribers.get(contents) ?? new Set();
  }

  dispose(): void {
    for (const channel of this.channels) ipcMain.removeHandler(channel);
    this.channels.length = 0;
    ipcMain.removeListener(SUBSCRIBE_CHANNEL, this.onSubscribe);
    this.subscribers.clear();
  }

  private subscribe(event: IpcMainEvent, message: unknown): void {
    if (!this.isTrusted(event)) return;
    const parsed = SubscribeMessageSchema.safeParse(message);
    if (!parsed.success) return;
    const contents = event.sender;
    let events = this.subscribers.get(contents);
    if (!events) {
      events = new Set();
      this.subscribers.set(contents, events);
      contents.once('destroyed', () => this.subscribers.delete(contents));
      // A new document (reload, or the dashboard loaded on another instance) starts with no
      // listeners; its preload subscribes again for what it needs.
      contents.on('did-start-navigation', (navigation) => {
        if (navigation.isMainFrame && !navigation.isSameDocument) this.subscribers.get(contents)?.clear();
      });
    }
    if (parsed.data.subscribed) events.add(parsed.data.event);
    else events.delete(parsed.data.event);
  }
}
