/** Every element in one file with no imports: the form a page pins with `integrity=` (SRI). */
import "./jobs/define.ts";
import "./events/define.ts";
import "./comeback/define.ts";
