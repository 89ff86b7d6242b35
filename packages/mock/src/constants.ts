import { tokenFromBody } from '@graphtoken/contract';

/** The base URL the mock answers on unless told otherwise: the production API's. */
export const DEFAULT_BASE_URL = 'https://api.graphtoken.dev';

/**
 * The secret of the seeded `bootstrap` token (scope `manage`, created by Ada, the owner of the seed
 * graphs): a fixed, well-formed secret, public on purpose. Use it to mint the tokens a test needs.
 *
 * @example
 * const client = new GraphToken({ token: BOOTSTRAP_TOKEN });
 * const { secret } = await client.tokens.create({ name: 'ci', scopes: ['read'], graphIds: [seedIds.graphs.research] });
 */
export const BOOTSTRAP_TOKEN: string = tokenFromBody('MockBootstrapTokenForTests0000');
