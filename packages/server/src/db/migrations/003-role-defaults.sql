-- Which default permissions each built-in role has been given. A permission that a later version adds
-- to a built-in role is granted once, at the next start; one the admin then takes away stays away.
CREATE TABLE role_default_grants (
  role text NOT NULL REFERENCES roles(name) ON DELETE CASCADE,
  permission text NOT NULL,
  granted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (role, permission)
);
