-- Budgets the demo household brings are marked, so "remove the demo" takes them out with the demo accounts
-- and a person's own budgets are never touched by it. Setting a budget oneself for the same subject makes
-- it the person's own.
ALTER TABLE budgets ADD COLUMN demo INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1));
