// The discord-api-spec package points its `./zod` types at the JavaScript file itself, which TypeScript does
// not read as declarations: this names the two request schemas the tests use, as much as they use of them.
declare module 'discord-api-spec/zod' {
  interface RequestSchema {
    readonly shape: Readonly<Record<string, unknown>>;
    safeParse(
      value: unknown,
    ):
      | { success: true; data: unknown }
      | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  }
  export const IncomingWebhookRequestPartialSchema: RequestSchema;
  export const IncomingWebhookUpdateRequestPartialSchema: RequestSchema;
}
