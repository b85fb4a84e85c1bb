/** The public page's part of a language's catalog (web/vite-portal-catalog.ts). */
declare module 'virtual:portal-catalog/*' {
  const catalog: Record<string, unknown>;
  export default catalog;
}
