-- Accounts that hold the made-up demo household are marked (the twin of ../003_demo_accounts.sql; a new
-- PostgreSQL database has no earlier demo accounts to convert).
ALTER TABLE accounts ADD COLUMN demo INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1));
