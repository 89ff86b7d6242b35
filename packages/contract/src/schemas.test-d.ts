// Compile-time proof that every zod schema and the type openapi-typescript generates from the
// spec are the same type. Change either side alone and `pnpm typecheck` (and so the build) fails.
import { describe, expectTypeOf, it } from 'vitest';
import type * as z from 'zod/mini';
import type { components } from './generated/openapi.js';
import type * as s from './schemas.js';

type Spec = components['schemas'];
type Out<T extends z.ZodMiniType> = z.output<T>;
type In<T extends z.ZodMiniType> = z.input<T>;

describe('zod schemas agree with spec/openapi.yaml', () => {
  it('response objects', () => {
    expectTypeOf<Out<typeof s.ScopeSchema>>().toEqualTypeOf<Spec['Scope']>();
    expectTypeOf<Out<typeof s.RoleSchema>>().toEqualTypeOf<Spec['Role']>();
    expectTypeOf<Out<typeof s.TokenStatusSchema>>().toEqualTypeOf<Spec['TokenStatus']>();
    expectTypeOf<Out<typeof s.ErrorCodeSchema>>().toEqualTypeOf<Spec['ErrorCode']>();
    expectTypeOf<Out<typeof s.TokenSchema>>().toEqualTypeOf<Spec['Token']>();
    expectTypeOf<Out<typeof s.TokenWithSecretSchema>>().toEqualTypeOf<Spec['TokenWithSecret']>();
    expectTypeOf<Out<typeof s.TokenPageSchema>>().toEqualTypeOf<Spec['TokenPage']>();
    expectTypeOf<Out<typeof s.AccountSchema>>().toEqualTypeOf<Spec['Account']>();
    expectTypeOf<Out<typeof s.GrantSchema>>().toEqualTypeOf<Spec['Grant']>();
    expectTypeOf<Out<typeof s.IntrospectionSchema>>().toEqualTypeOf<Spec['Introspection']>();
    expectTypeOf<Out<typeof s.GraphSchema>>().toEqualTypeOf<Spec['Graph']>();
    expectTypeOf<Out<typeof s.GraphListSchema>>().toEqualTypeOf<Spec['GraphList']>();
    expectTypeOf<Out<typeof s.BlockSchema>>().toEqualTypeOf<Spec['Block']>();
    expectTypeOf<Out<typeof s.BlockPageSchema>>().toEqualTypeOf<Spec['BlockPage']>();
    expectTypeOf<Out<typeof s.AppendBlocksResultSchema>>().toEqualTypeOf<Spec['AppendBlocksResult']>();
    expectTypeOf<Out<typeof s.FieldErrorSchema>>().toEqualTypeOf<Spec['FieldError']>();
    expectTypeOf<Out<typeof s.ProblemSchema>>().toEqualTypeOf<Spec['Problem']>();
    expectTypeOf<Out<typeof s.TokenSortSchema>>().toEqualTypeOf<Spec['TokenSort']>();
    expectTypeOf<Out<typeof s.AuditEventTypeSchema>>().toEqualTypeOf<Spec['AuditEventType']>();
    expectTypeOf<Out<typeof s.RevocationReasonSchema>>().toEqualTypeOf<Spec['RevocationReason']>();
    expectTypeOf<Out<typeof s.AuditEventSchema>>().toEqualTypeOf<Spec['AuditEvent']>();
    expectTypeOf<Out<typeof s.AuditEventPageSchema>>().toEqualTypeOf<Spec['AuditEventPage']>();
    expectTypeOf<Out<typeof s.RevokeLeakedResultSchema>>().toEqualTypeOf<Spec['RevokeLeakedResult']>();
  });

  it('request bodies', () => {
    expectTypeOf<In<typeof s.CreateTokenRequestSchema>>().toEqualTypeOf<Spec['CreateTokenRequest']>();
    expectTypeOf<In<typeof s.UpdateTokenRequestSchema>>().toEqualTypeOf<Spec['UpdateTokenRequest']>();
    expectTypeOf<In<typeof s.RotateTokenRequestSchema>>().toEqualTypeOf<Spec['RotateTokenRequest']>();
    expectTypeOf<In<typeof s.NewBlockSchema>>().toEqualTypeOf<Spec['NewBlock']>();
    expectTypeOf<In<typeof s.AppendBlocksRequestSchema>>().toEqualTypeOf<Spec['AppendBlocksRequest']>();
    expectTypeOf<In<typeof s.UpdateBlockRequestSchema>>().toEqualTypeOf<Spec['UpdateBlockRequest']>();
    expectTypeOf<In<typeof s.RevokeLeakedRequestSchema>>().toEqualTypeOf<Spec['RevokeLeakedRequest']>();
  });
});
