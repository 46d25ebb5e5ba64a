/**
 * Names for the parts of the several-endpoints answers (issue 18) the SPA passes around.
 * The bodies themselves are the backend's (app/http/api-types.ts).
 */
import type { AdminEndpointsBody, EndpointsBody } from '../../app/http/api-types';

export type { AdminEndpointsBody, EndpointsBody };

/** An endpoint the signed-in user may use: key, names in ko/ja/en, when they last used it. */
export type EndpointSummary = EndpointsBody['endpoints'][number];

/** One endpoint of the admin's list: its state, connections and month. */
export type AdminEndpoint = AdminEndpointsBody['endpoints'][number];
