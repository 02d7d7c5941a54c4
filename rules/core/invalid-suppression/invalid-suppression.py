import pickle

# ruleid: invalid-suppression
data = 1  # aisec-ignore no-such-rule -- the rule id is unknown

# ruleid: invalid-suppression
data = 2  # aisec-ignore invalid-suppression

# ruleid: invalid-suppression
data = 3  # aisec-ignore invalid-suppression until 2020-01-01 by @alice -- expired long ago

# ok: invalid-suppression
data = 4  # aisec-ignore invalid-suppression until 2099-12-31 by @alice -- reviewed in SEC-123
