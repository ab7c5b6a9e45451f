/**
^ * Where a bulletin issue is published, from its id (the month: `2015-05`). The one place bulletin
 * addresses are made: pages, feeds, email editions, the link check and `npm run new:bulletin` use it.
 * @example bulletinPath({ id: '2015-05' }) // => '/bulletins/2015-05/'
 */
export const bulletinPath = ({ id }: { id: string }) => `/bulletins/${id}/`;

/**
 * Where a programme page is published, from its id (its file name).
 * @example programmePath({ id: 'history' }) // => '/programme/history/'
 */
export const programmePath = ({ id }: { id: string }) => `/programme/${id}/`;
