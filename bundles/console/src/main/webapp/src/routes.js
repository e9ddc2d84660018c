// Every area's routes (src/routes/*.js, one file an area), and the menu they make.
const modules = import.meta.glob('./routes/*.js', { eager: true })

export const AREA_ROUTES = Object.keys(modules).sort().flatMap((file) => modules[file].default)
