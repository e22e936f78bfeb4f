/**
 * DOM helpers shared by the elements and the collectors' own elements (the sandbox's 3-D Secure
 * dialog): both layers may import this folder; it imports nothing of the project.
 */

/** The focused element, looking through open shadow roots (so a dialog can give focus back to it). */
export function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}
