/** Placement of the walkthrough card next to its target; pure geometry, no DOM. */

export interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

export type CardSide = 'below' | 'above' | 'end' | 'start' | 'over' | 'center';

export interface CardPlacement {
  top: number;
  left: number;
  side: CardSide;
}

export interface PlaceOptions {
  /** Space between the target and the card. */
  gap: number;
  /** Minimum distance from the viewport edges. */
  margin: number;
  /** Right-to-left: align with the target's right edge, "end" is to its left. */
  rtl: boolean;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max));
}

/**
 * Where the card goes: below the target if it fits, else above, else beside it (end side first),
 * else over the bottom of the viewport. Always kept inside the viewport (so it stays readable while
 * its target is scrolled away). With no target, centred.
 */
export function placeCard(target: Box | null, card: Size, viewport: Size, options: PlaceOptions): CardPlacement {
  const { gap, margin, rtl } = options;
  const x = (left: number) => clamp(left, margin, viewport.width - card.width - margin);
  const y = (top: number) => clamp(top, margin, viewport.height - card.height - margin);
  if (!target) {
    return { top: y((viewport.height - card.height) / 2), left: x((viewport.width - card.width) / 2), side: 'center' };
  }
  const bottom = target.top + target.height;
  const right = target.left + target.width;
  const alignedLeft = rtl ? right - card.width : target.left;
  if (viewport.height - bottom - gap - margin >= card.height) {
    return { top: y(bottom + gap), left: x(alignedLeft), side: 'below' };
  }
  if (target.top - gap - margin >= card.height) {
    return { top: y(target.top - gap - card.height), left: x(alignedLeft), side: 'above' };
  }
  const spaceRight = viewport.width - right - gap - margin;
  const spaceLeft = target.left - gap - margin;
  const toRight = { top: y(target.top), left: x(right + gap) };
  const toLeft = { top: y(target.top), left: x(target.left - gap - card.width) };
  const [endSpace, end, startSpace, start] = rtl
    ? [spaceLeft, toLeft, spaceRight, toRight]
    : [spaceRight, toRight, spaceLeft, toLeft];
  if (endSpace >= card.width) return { ...end, side: 'end' };
  if (startSpace >= card.width) return { ...start, side: 'start' };
  return { top: y(viewport.height - card.height - margin), left: x(alignedLeft), side: 'over' };
}
