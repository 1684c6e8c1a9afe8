/**
 * The messages between the signup form (in its iframe, on the API's origin) and `<hv-comeback>` on the
 * host page. They carry sizes and a "submitted" signal, never what was typed; each side checks the
 * other's origin and the message's shape.
 */
export declare const SOURCE = "heimvorteil-comeback";
export type FrameMessage =
  | {
      source: typeof SOURCE;
      type: "resize";
      height: number;
    }
  | {
      source: typeof SOURCE;
      type: "submitted";
    };
export declare function isFrameMessage(value: unknown): value is FrameMessage;
/** An http(s) origin, or undefined: the only kind of value either side posts to. */
export declare function originOf(value: string | null | undefined): string | undefined;
