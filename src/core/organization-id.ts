/**
 * The longest organization id: an id is part of every URL of the organization, and the API refuses longer path
 * parameters, so an organization with a longer id could be stored but never read back.
 */
export const MAX_ORGANIZATION_ID_CHARS = 200;
