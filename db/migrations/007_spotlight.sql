-- What the facilitator put on the projector large: JSON {"kind":"item"|"theme","id":…};
-- NULL shows the board. Kept on the session so a projector that reloads shows it again.
ALTER TABLE sessions ADD COLUMN spotlight TEXT;
