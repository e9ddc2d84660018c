import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'
import { fileURLToPath } from 'node:url'

// Built by Maven (exec-maven-plugin: npm ci, npm run build) into the bundle's target folder; served at /console/.
export default defineConfig({
  base: '/console/',
  plugins: [vue(), Components({ resolvers: [ElementPlusResolver({ importStyle: false })], dts: false })],
  build: {
    outDir: fileURLToPath(new URL('../../../target/console', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      output: {
        manualChunks(id) {
          if (id.includes('node_modules/echarts') || id.includes('node_modules/zrender')) return 'charts'
          if (id.includes('node_modules/element-plus') || id.includes('node_modules/@element-plus')) return 'ui'
          // the QR codes of questionnaire links: only the questionnaire pages need them, not the login page
          if (id.includes('node_modules/qrcode') || id.includes('node_modules/dijkstrajs')) return 'qrcode'
          if (id.includes('node_modules/')) return 'vendor'
        }
      }
    }
  },
  server: {
    proxy: { '/services': { target: 'https://localhost:8443', secure: false } }
  }
})
