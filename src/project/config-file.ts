/** The project configuration file, at the root of a rules repository. */
export const CONFIG_FILE = "leadscore.yaml";
