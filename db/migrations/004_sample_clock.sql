-- A sample session (`npm run demo`) keeps its own clock, as an offset from the server's that its
-- facilitator may move forward, so the sample minutes carry the times of the event day.
-- NULL for every real session: its times are always the server's own.
ALTER TABLE sessions ADD COLUMN sample_clock_offset_ms INTEGER;
