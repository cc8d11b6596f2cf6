-- Budgets the demo household brings are marked (the twin of ../007_demo_budgets.sql); the key stays
-- (user_id, id), so they distribute by user with the rest.
ALTER TABLE budgets ADD COLUMN demo INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1));
