import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

/** The endpoint a card shows (issue 18), its name already in the page's language. */
export interface ShownEndpoint {
  key: string;
  name: string;
}

/**
 * Set around each card when the page shows several endpoints; null on today's one-endpoint
 * page, whose markup must not change. Components read it to keep ids unique on the page,
 * take a heading level under the card's name, and name their buttons after the endpoint.
 */
export const EndpointContext = createContext<ShownEndpoint | null>(null);

export function useShownEndpoint(): ShownEndpoint | null {
  return useContext(EndpointContext);
}

/**
 * A state card's outer element and title. On today's page the card is the page's region
 * and its title the h1; on an endpoint's card the region is the card named after the
 * endpoint (h2), so the state card is a plain box with an h3.
 */
export function useStateCardTags(): { Box: 'section' | 'div'; Title: 'h1' | 'h3' } {
  return useShownEndpoint() ? { Box: 'div', Title: 'h3' } : { Box: 'section', Title: 'h1' };
}

/** An element id that stays unique when several cards are on the page. */
export function useScopedId(id: string): string {
  const endpoint = useShownEndpoint();
  return endpoint ? `${endpoint.key}-${id}` : id;
}

/**
 * Completes a button's accessible name with the endpoint's ("Try again · Staging"), so a
 * screen reader or voice control tells the cards' buttons apart. Renders nothing on
 * today's page.
 */
export function EndpointNameSuffix() {
  const endpoint = useShownEndpoint();
  return endpoint && <span class="visually-hidden"> · {endpoint.name}</span>;
}
