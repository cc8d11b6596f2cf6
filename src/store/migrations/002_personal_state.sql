-- Dialog state belongs to one person in one conversation. Each row says whose it is, so "delete my data"
-- finds every conversation's state, inline-reply (expectReplies) conversations included.
ALTER TABLE bot_state ADD COLUMN user_id TEXT;
CREATE INDEX bot_state_by_user ON bot_state (user_id) WHERE user_id IS NOT NULL;

-- State written before this was keyed by conversation alone and shared by everyone in it; it is dropped
-- (a dialog in progress starts again).
DELETE FROM bot_state;

-- Alerts go only to one-to-one conversations: references to group chats and channels are dropped.
DELETE FROM conversation_refs
WHERE json_extract(reference, '$.conversation.isGroup') = 1
   OR json_extract(reference, '$.conversation.conversationType') IN ('groupChat', 'channel');
