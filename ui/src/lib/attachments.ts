/** Svelte attachments shared by screens. */
import type { Attachment } from "svelte/attachments";

/** Scrolls the element into view when `on` is true (the row just saved). */
export function pointOut(on: boolean): Attachment<HTMLElement> {
  return (el) => {
    if (on) el.scrollIntoView({ block: "nearest" });
  };
}
