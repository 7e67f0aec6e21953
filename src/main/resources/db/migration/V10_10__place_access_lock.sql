-- Places, role groups and grants are mirrored into the engine at start-up by one node at a time:
-- the node locks this row for the length of the work (see setup_lock).
insert into setup_lock (name) values ('place-access');
