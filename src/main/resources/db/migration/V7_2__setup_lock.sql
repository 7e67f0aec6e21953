-- Work done once at start-up by whichever node of a cluster gets there first: the node locks its row
-- (select … for update) for the length of the work, so two nodes never do it twice at once.
create table setup_lock (
    name varchar(64) primary key
);
insert into setup_lock (name) values ('tasklist-filters');
