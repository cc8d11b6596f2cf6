-- Accounts that hold the made-up demo household are marked, so a person's own statements never land in
-- them, demo rows never land in a person's own accounts, and "remove the demo" takes out exactly them.
ALTER TABLE accounts ADD COLUMN demo INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1));

-- An account created earlier by loading the demo holds only files from the demo generator (batches named
-- "demo:<account>"): it is a demo account. One that also holds a person's own files stays theirs.
UPDATE accounts SET demo = 1
WHERE EXISTS (SELECT 1 FROM import_batches b WHERE b.account_id = accounts.id)
  AND NOT EXISTS (
    SELECT 1 FROM import_batches b WHERE b.account_id = accounts.id AND b.source NOT LIKE 'demo:%'
  );

-- Their names say so too, as the names of demo accounts do from now on.
UPDATE accounts SET name = name || ' (demo)'
WHERE demo = 1
  AND NOT EXISTS (SELECT 1 FROM accounts o WHERE o.user_id = accounts.user_id AND o.name = accounts.name || ' (demo)');
