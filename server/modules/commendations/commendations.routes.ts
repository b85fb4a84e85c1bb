import type { App } from '../../http/context.js';

export async function commendationRoutes(_app: App): Promise<void> {}
