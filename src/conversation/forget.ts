import type { TurnContext, TurnResult } from './types.ts';
import type { DialogState, Pending } from './types.ts';

/** "Unlink Amex": asks for confirmation before anything is removed. */
export async function startUnlink(ctx: TurnContext, state: DialogState): Promise<TurnResult> {
  const { frame, vocabulary } = ctx;
  if (vocabulary.accounts.length === 0) return { replies: [{ template: 'NoAccountsToUnlink' }], state };
  if (frame.ambiguous?.kind === 'account') {
    return {
      replies: [
        {
          template: 'UnlinkWhich',
          data: { options: frame.ambiguous.options },
          suggestions: frame.ambiguous.options.map((o) => `Unlink ${o}`),
        },
      ],
      state,
    };
  }
  /** Asks which of their accounts to unlink, offering each. */
  const which = (template: string, data: object = {}): TurnResult => {
    const names = vocabulary.accounts.map((a) => a.name);
    return {
      replies: [
        { template, data: { ...data, options: names }, suggestions: names.map((n) => `Unlink ${n}`) },
      ],
      state,
    };
  };
  // Never the nearest account of the same kind: unlinking deletes its transactions.
  if (frame.unknownAccounts?.length) return which('UnlinkUnknown', { name: frame.unknownAccounts[0] });
  const account =
    frame.accounts.length === 1 ? vocabulary.accounts.find((a) => a.id === frame.accounts[0]) : undefined;
  if (!account) return which('UnlinkWhich');
  return {
    replies: [
      {
        template: 'ConfirmUnlink',
        data: { account: account.name },
        suggestions: ['Yes, unlink it', 'No, keep it'],
      },
    ],
    state: { ...state, pending: { kind: 'confirm-unlink', accountId: account.id, name: account.name } },
  };
}

/** "Delete all my data": asks for confirmation, then removes everything, conversation state included. */
export async function startDelete(_ctx: TurnContext, state: DialogState): Promise<TurnResult> {
  return {
    replies: [{ template: 'ConfirmDelete', suggestions: ['Yes, delete everything', 'No, keep my data'] }],
    state: { ...state, pending: { kind: 'confirm-delete' } },
  };
}

export async function forgetTurn(
  ctx: TurnContext,
  pending: Extract<Pending, { kind: 'confirm-unlink' | 'confirm-delete' }>,
  state: DialogState,
): Promise<TurnResult> {
  const { frame, services, input } = ctx;
  const answer = frame.yesNo;
  if (answer === undefined) {
    return {
      replies: [
        {
          template: 'ConfirmAgain',
          suggestions:
            pending.kind === 'confirm-delete'
              ? ['Yes, delete everything', 'No, keep my data']
              : ['Yes, unlink it', 'No, keep it'],
        },
      ],
      state,
    };
  }
  if (!answer) return { replies: [{ template: 'KeptData' }], state: { ...state, pending: undefined } };
  if (pending.kind === 'confirm-unlink') {
    const removed = await services.store.accounts.remove(input.userId, pending.accountId);
    return {
      replies: [
        { template: 'Unlinked', data: { account: pending.name, transactions: removed?.transactions ?? 0 } },
      ],
      state: { pending: undefined, last: undefined },
    };
  }
  const counts = await services.store.users.deleteAll(input.userId);
  return { replies: [{ template: 'DeletedEverything', data: { ...counts } }], state: { deleted: true } };
}
