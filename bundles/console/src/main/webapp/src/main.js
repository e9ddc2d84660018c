import { createApp } from 'vue'
import 'element-plus/dist/index.css'
import { ElMessage, ElMessageBox } from 'element-plus'
import App from './App.vue'
import { router } from './router.js'
import './style.css'

const app = createApp(App)
app.config.errorHandler = (err) => {
  ElMessage.error(err?.message || '页面出错')
  console.error(err) // the browser test reads the console: an error of the page fails it
}
app.config.globalProperties.$message = ElMessage
app.config.globalProperties.$confirm = ElMessageBox.confirm
app.use(router).mount('#app')
